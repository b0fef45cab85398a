/* MPI-4 sessions, built in the guest on the world model, so they work over
 * host MPIs that predate sessions (Open MPI 4.1) and over those that have
 * them (MPICH 4.0) alike.
 *
 * - MPI_Session_init initialises MPI with MPI_Init_thread when nothing has
 *   yet (thread level from the info key "thread_level", default
 *   MPI_THREAD_SINGLE; wasm guests get at most MPI_THREAD_FUNNELED) and
 *   remembers that the sessions did it. When MPI is already initialised
 *   (the program called MPI_Init first) the session just uses it.
 * - MPI_Session_finalize of the last open session calls MPI_Finalize if,
 *   and only if, the sessions initialised MPI; a program that called
 *   MPI_Init itself finalizes with MPI_Finalize as usual. Once the
 *   sessions have finalized MPI, the world model cannot start it again: a
 *   later MPI_Session_init fails with MPI_ERR_SESSION, as does one after
 *   the program's own MPI_Finalize. Likewise a program may not call
 *   MPI_Init while a session holds MPI (the host refuses a second
 *   initialisation), and MPI_Initialized answers true while one does.
 * - Two process sets: "mpi://WORLD" and "mpi://SELF" (compared without
 *   regard to case); MPI_Group_from_session_pset gives the groups of
 *   MPI_COMM_WORLD and MPI_COMM_SELF.
 * - MPI_Comm_create_from_group is MPI_Comm_create_group over
 *   MPI_COMM_WORLD, with a tag derived from the stringtag (a hash of it,
 *   in 0 .. 32767, the least MPI_TAG_UB allows), so only the group's
 *   members call it, as the standard says; a process outside the group
 *   gets MPI_COMM_NULL. Two creations that overlap in time on the same
 *   processes should use different stringtags, as the standard asks too
 *   (their tags could still collide; the hash makes that unlikely). The
 *   new communicator gets the given error handler.
 * - MPI_Session_get_info answers "thread_level"; MPI_Session_get_pset_info
 *   answers "mpi_size".
 * - A session's error handler is stored and applied by the guest library
 *   to errors in session calls (predefined handlers only).
 *
 * Session handles are the addresses of guest records (they never reach
 * the host); a handle is checked against the open sessions before use. */
#include <mpi.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int wasmrun_raise(MPI_Errhandler, const char *, int, const char *);

#define WEAK_ALIAS(name) __attribute__((weak, alias("PMPI_" #name)))

struct MPI_ABI_Session {
    struct MPI_ABI_Session *next;
    MPI_Errhandler errhandler;
    int thread_level;
};

static struct MPI_ABI_Session *sessions;
static int started_mpi; /* the sessions called MPI_Init_thread */
static int ended_mpi;   /* ... and MPI_Finalize */

static int live(MPI_Session s)
{
    for (MPI_Session p = sessions; p != NULL; p = p->next)
        if (p == s)
            return 1;
    return 0;
}

/* fail raises class on the session's error handler; an error about a
 * handle that is not an open session is returned (MPI_ERRORS_RETURN), as
 * there is no handler to read from it. */
static int fail(MPI_Session s, const char *fn, int class, const char *cause)
{
    MPI_Errhandler eh = live(s) ? s->errhandler : MPI_ERRORS_RETURN;
    return wasmrun_raise(eh, fn, class, cause);
}

static const char *level_name(int level)
{
    switch (level) {
    case MPI_THREAD_FUNNELED:
        return "MPI_THREAD_FUNNELED";
    case MPI_THREAD_SERIALIZED:
        return "MPI_THREAD_SERIALIZED";
    case MPI_THREAD_MULTIPLE:
        return "MPI_THREAD_MULTIPLE";
    default:
        return "MPI_THREAD_SINGLE";
    }
}

static int requested_level(MPI_Info info)
{
    char value[64];
    int len = (int)sizeof value, flag = 0;
    if (info == MPI_INFO_NULL || PMPI_Info_get_string(info, "thread_level", &len, value, &flag) != MPI_SUCCESS || !flag)
        return MPI_THREAD_SINGLE;
    static const int levels[] = {MPI_THREAD_SINGLE, MPI_THREAD_FUNNELED, MPI_THREAD_SERIALIZED, MPI_THREAD_MULTIPLE};
    for (int i = 0; i < 4; i++)
        if (strcasecmp(value, level_name(levels[i])) == 0)
            return levels[i];
    return MPI_THREAD_SINGLE;
}

int PMPI_Session_init(MPI_Info info, MPI_Errhandler errhandler, MPI_Session *session)
{
    const char *fn = "MPI_Session_init";
    MPI_Errhandler eh = errhandler == MPI_ERRHANDLER_NULL ? MPI_ERRORS_ARE_FATAL : errhandler;
    if (session == NULL)
        return wasmrun_raise(eh, fn, MPI_ERR_ARG, "session is NULL");
    int init = 0, fini = 0, provided = MPI_THREAD_SINGLE;
    PMPI_Initialized(&init);
    PMPI_Finalized(&fini);
    if (fini || ended_mpi)
        return wasmrun_raise(eh, fn, MPI_ERR_SESSION, "MPI has been finalized and cannot start again on this host");
    if (!init) {
        int rc = PMPI_Init_thread(NULL, NULL, requested_level(info), &provided);
        if (rc != MPI_SUCCESS)
            return rc;
        started_mpi = 1;
    } else {
        PMPI_Query_thread(&provided);
    }
    MPI_Session s = malloc(sizeof *s);
    if (s == NULL)
        return wasmrun_raise(eh, fn, MPI_ERR_NO_MEM, "no memory for the session");
    s->errhandler = eh;
    s->thread_level = provided;
    s->next = sessions;
    sessions = s;
    *session = s;
    return MPI_SUCCESS;
}
int MPI_Session_init(MPI_Info, MPI_Errhandler, MPI_Session *) WEAK_ALIAS(Session_init);

int PMPI_Session_finalize(MPI_Session *session)
{
    const char *fn = "MPI_Session_finalize";
    if (session == NULL || !live(*session))
        return fail(MPI_SESSION_NULL, fn, MPI_ERR_SESSION, "not an open session");
    for (MPI_Session *p = &sessions; *p != NULL; p = &(*p)->next) {
        if (*p == *session) {
            *p = (*session)->next;
            break;
        }
    }
    free(*session);
    *session = MPI_SESSION_NULL;
    if (sessions == NULL && started_mpi && !ended_mpi) {
        int fini = 0;
        PMPI_Finalized(&fini);
        if (!fini) {
            ended_mpi = 1;
            return PMPI_Finalize();
        }
    }
    return MPI_SUCCESS;
}
int MPI_Session_finalize(MPI_Session *) WEAK_ALIAS(Session_finalize);

static const char *const psets[] = {"mpi://WORLD", "mpi://SELF"};

int PMPI_Session_get_num_psets(MPI_Session session, MPI_Info info, int *npset_names)
{
    (void)info;
    if (!live(session))
        return fail(session, "MPI_Session_get_num_psets", MPI_ERR_SESSION, "not an open session");
    if (npset_names == NULL)
        return fail(session, "MPI_Session_get_num_psets", MPI_ERR_ARG, "npset_names is NULL");
    *npset_names = 2;
    return MPI_SUCCESS;
}
int MPI_Session_get_num_psets(MPI_Session, MPI_Info, int *) WEAK_ALIAS(Session_get_num_psets);

/* MPI-4.0 §11.3.2: with *pset_len 0 only the length (with the terminating
 * NUL) is returned; otherwise at most *pset_len - 1 characters and a NUL
 * are written, and *pset_len becomes the full length with the NUL. */
int PMPI_Session_get_nth_pset(MPI_Session session, MPI_Info info, int n, int *pset_len, char *pset_name)
{
    const char *fn = "MPI_Session_get_nth_pset";
    (void)info;
    if (!live(session))
        return fail(session, fn, MPI_ERR_SESSION, "not an open session");
    if (n < 0 || n >= 2)
        return fail(session, fn, MPI_ERR_ARG, "n is not the number of a process set (there are 2)");
    if (pset_len == NULL || *pset_len < 0 || (*pset_len > 0 && pset_name == NULL))
        return fail(session, fn, MPI_ERR_ARG, "bad pset_len or pset_name");
    const char *name = psets[n];
    int len = (int)strlen(name);
    if (*pset_len > 0) {
        int m = len < *pset_len - 1 ? len : *pset_len - 1;
        memcpy(pset_name, name, (size_t)m);
        pset_name[m] = '\0';
    }
    *pset_len = len + 1;
    return MPI_SUCCESS;
}
int MPI_Session_get_nth_pset(MPI_Session, MPI_Info, int, int *, char *) WEAK_ALIAS(Session_get_nth_pset);

/* pset_comm gives the communicator whose group is the process set. */
static MPI_Comm pset_comm(const char *name)
{
    if (name == NULL)
        return MPI_COMM_NULL;
    if (strcasecmp(name, psets[0]) == 0)
        return MPI_COMM_WORLD;
    if (strcasecmp(name, psets[1]) == 0)
        return MPI_COMM_SELF;
    return MPI_COMM_NULL;
}

int PMPI_Group_from_session_pset(MPI_Session session, const char *pset_name, MPI_Group *newgroup)
{
    const char *fn = "MPI_Group_from_session_pset";
    if (!live(session))
        return fail(session, fn, MPI_ERR_SESSION, "not an open session");
    MPI_Comm c = pset_comm(pset_name);
    if (c == MPI_COMM_NULL)
        return fail(session, fn, MPI_ERR_ARG, "unknown process set (there are mpi://WORLD and mpi://SELF)");
    if (newgroup == NULL)
        return fail(session, fn, MPI_ERR_ARG, "newgroup is NULL");
    return PMPI_Comm_group(c, newgroup);
}
int MPI_Group_from_session_pset(MPI_Session, const char *, MPI_Group *) WEAK_ALIAS(Group_from_session_pset);

int PMPI_Comm_create_from_group(MPI_Group group, const char *stringtag, MPI_Info info, MPI_Errhandler errhandler, MPI_Comm *newcomm)
{
    const char *fn = "MPI_Comm_create_from_group";
    (void)info;
    MPI_Errhandler eh = errhandler == MPI_ERRHANDLER_NULL ? MPI_ERRORS_ARE_FATAL : errhandler;
    if (stringtag == NULL || strlen(stringtag) >= MPI_MAX_STRINGTAG_LEN)
        return wasmrun_raise(eh, fn, MPI_ERR_ARG, "stringtag is NULL or longer than MPI_MAX_STRINGTAG_LEN");
    if (newcomm == NULL)
        return wasmrun_raise(eh, fn, MPI_ERR_ARG, "newcomm is NULL");
    int rank = MPI_UNDEFINED;
    int rc = PMPI_Group_rank(group, &rank);
    if (rc != MPI_SUCCESS)
        return rc;
    if (rank == MPI_UNDEFINED) {
        *newcomm = MPI_COMM_NULL;
        return MPI_SUCCESS;
    }
    /* FNV-1a over the stringtag, folded into 0 .. 32767 */
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)stringtag; *p; p++)
        h = (h ^ *p) * 16777619u;
    rc = PMPI_Comm_create_group(MPI_COMM_WORLD, group, (int)((h ^ (h >> 15)) & 0x7fff), newcomm);
    if (rc != MPI_SUCCESS)
        return rc;
    if (*newcomm != MPI_COMM_NULL && errhandler != MPI_ERRHANDLER_NULL)
        rc = PMPI_Comm_set_errhandler(*newcomm, errhandler);
    return rc;
}
int MPI_Comm_create_from_group(MPI_Group, const char *, MPI_Info, MPI_Errhandler, MPI_Comm *) WEAK_ALIAS(Comm_create_from_group);

int PMPI_Session_get_info(MPI_Session session, MPI_Info *info_used)
{
    const char *fn = "MPI_Session_get_info";
    if (!live(session))
        return fail(session, fn, MPI_ERR_SESSION, "not an open session");
    if (info_used == NULL)
        return fail(session, fn, MPI_ERR_ARG, "info_used is NULL");
    int rc = PMPI_Info_create(info_used);
    if (rc == MPI_SUCCESS)
        rc = PMPI_Info_set(*info_used, "thread_level", level_name(session->thread_level));
    return rc;
}
int MPI_Session_get_info(MPI_Session, MPI_Info *) WEAK_ALIAS(Session_get_info);

int PMPI_Session_get_pset_info(MPI_Session session, const char *pset_name, MPI_Info *info)
{
    const char *fn = "MPI_Session_get_pset_info";
    if (!live(session))
        return fail(session, fn, MPI_ERR_SESSION, "not an open session");
    MPI_Comm c = pset_comm(pset_name);
    if (c == MPI_COMM_NULL)
        return fail(session, fn, MPI_ERR_ARG, "unknown process set (there are mpi://WORLD and mpi://SELF)");
    if (info == NULL)
        return fail(session, fn, MPI_ERR_ARG, "info is NULL");
    int size = 1;
    PMPI_Comm_size(c, &size);
    char value[16];
    int n = 0;
    char digits[16];
    do {
        digits[n++] = (char)('0' + size % 10);
        size /= 10;
    } while (size > 0);
    for (int i = 0; i < n; i++)
        value[i] = digits[n - 1 - i];
    value[n] = '\0';
    int rc = PMPI_Info_create(info);
    if (rc == MPI_SUCCESS)
        rc = PMPI_Info_set(*info, "mpi_size", value);
    return rc;
}
int MPI_Session_get_pset_info(MPI_Session, const char *, MPI_Info *) WEAK_ALIAS(Session_get_pset_info);

int PMPI_Session_set_errhandler(MPI_Session session, MPI_Errhandler errhandler)
{
    const char *fn = "MPI_Session_set_errhandler";
    if (!live(session))
        return fail(session, fn, MPI_ERR_SESSION, "not an open session");
    if (errhandler == MPI_ERRHANDLER_NULL)
        return fail(session, fn, MPI_ERR_ARG, "MPI_ERRHANDLER_NULL");
    session->errhandler = errhandler;
    return MPI_SUCCESS;
}
int MPI_Session_set_errhandler(MPI_Session, MPI_Errhandler) WEAK_ALIAS(Session_set_errhandler);

int PMPI_Session_get_errhandler(MPI_Session session, MPI_Errhandler *errhandler)
{
    const char *fn = "MPI_Session_get_errhandler";
    if (!live(session))
        return fail(session, fn, MPI_ERR_SESSION, "not an open session");
    if (errhandler == NULL)
        return fail(session, fn, MPI_ERR_ARG, "errhandler is NULL");
    *errhandler = session->errhandler;
    return MPI_SUCCESS;
}
int MPI_Session_get_errhandler(MPI_Session, MPI_Errhandler *) WEAK_ALIAS(Session_get_errhandler);

int PMPI_Session_call_errhandler(MPI_Session session, int errorcode)
{
    if (!live(session))
        return fail(session, "MPI_Session_call_errhandler", MPI_ERR_SESSION, "not an open session");
    int class = errorcode;
    PMPI_Error_class(errorcode, &class);
    wasmrun_raise(session->errhandler, "MPI_Session_call_errhandler", class, "raised by the program");
    return MPI_SUCCESS;
}
int MPI_Session_call_errhandler(MPI_Session, int) WEAK_ALIAS(Session_call_errhandler);
