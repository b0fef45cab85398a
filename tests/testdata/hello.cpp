// C++ through libc++: containers, algorithms, templates.
#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <string>
#include <vector>
template <typename T> T total(const std::vector<T> &v) { return std::accumulate(v.begin(), v.end(), T{}); }
int main() {
    std::vector<int> v(100);
    std::iota(v.begin(), v.end(), 1);
    std::map<std::string, int> m{{"sum", total(v)}, {"max", *std::max_element(v.begin(), v.end())}};
    for (auto &[k, x] : m) std::printf("%s=%d\n", k.c_str(), x);
    return 0;
}
