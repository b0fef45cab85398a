// The C++ exception entry points for code built with -fignore-exceptions.
//
// wazero cannot run clang-19's wasm exception handling, so `wasmrun c++`
// compiles try/catch/throw with -fignore-exceptions: catch clauses are
// dropped and a throw expression still calls __cxa_allocate_exception and
// __cxa_throw. Debian's wasm32 libc++abi is built without exceptions and
// defines neither, so they are here: a throw ends the rank the way an
// uncaught exception ends a native process, with libstdc++'s report
//
//   terminate called after throwing an instance of 'std::runtime_error'
//     what():  boom
//
// and abort(), a trap that wasmrun reports (exit 134; under MPI the whole
// job is aborted). Linked only into modules that throw.
#include <cxxabi.h>
#include <exception>
#include <typeinfo>
#include <stdio.h>
#include <stdlib.h>

namespace __cxxabiv1 {
// libc++abi's base of every type_info (private_typeinfo.h, not installed):
// can_catch is what its personality routine asks when matching a catch
// clause against a thrown type, adjusting the pointer to the base.
class __shim_type_info : public std::type_info {
  public:
    ~__shim_type_info() override;
    virtual void noop1() const;
    virtual void noop2() const;
    virtual bool can_catch(const __shim_type_info *thrown_type, void *&adjusted) const = 0;
};
} // namespace __cxxabiv1

namespace {

// type_name prints the demangled name of t.
void print_type_name(const std::type_info *t) {
    const char *mangled = t->name();
    if (mangled[0] == '*') mangled++;
    int status = 0;
    char *demangled = abi::__cxa_demangle(mangled, nullptr, nullptr, &status);
    fputs(status == 0 && demangled ? demangled : mangled, stderr);
    free(demangled);
}

// as_exception returns obj as a std::exception when its type derives from
// std::exception publicly and unambiguously, as `catch (std::exception &)`
// would see it; else null.
const std::exception *as_exception(void *obj, const std::type_info *type) {
    auto target = static_cast<const __cxxabiv1::__shim_type_info *>(&typeid(std::exception));
    void *adjusted = obj;
    if (!target->can_catch(static_cast<const __cxxabiv1::__shim_type_info *>(type), adjusted)) return nullptr;
    return static_cast<const std::exception *>(adjusted);
}

[[noreturn]] void terminate_with(const char *what) {
    fprintf(stderr, "wasmrun: terminate called %s\n", what);
    abort();
}

} // namespace

namespace __cxxabiv1 {
extern "C" {

void *__cxa_allocate_exception(size_t size) throw() {
    void *p = calloc(1, size ? size : 1);
    if (!p) terminate_with("after failing to allocate an exception");
    return p;
}

void __cxa_free_exception(void *obj) throw() { free(obj); }

// In wasm a destructor returns its argument.
void __cxa_throw(void *obj, std::type_info *type, void *(*destructor)(void *)) {
    (void)destructor;
    fputs("wasmrun: terminate called after throwing an instance of '", stderr);
    print_type_name(type);
    fputs("'\n", stderr);
    if (const std::exception *e = as_exception(obj, type)) fprintf(stderr, "  what():  %s\n", e->what());
    abort();
}

// Catch clauses are compiled away, so the rest is never reached from user
// code; they are here for code that names them.
void *__cxa_begin_catch(void *obj) throw() { return obj; }
void __cxa_end_catch() {}
void *__cxa_get_exception_ptr(void *obj) throw() { return obj; }
void __cxa_rethrow() { terminate_with("without an active exception"); }
std::type_info *__cxa_current_exception_type() { return nullptr; }

} // extern "C"
} // namespace __cxxabiv1
