// The native libedit API (el_gets, el_line, el_insertstr, history_init, ...).
// Variadic calls (el_set, el_get, history) go through the CEditLine shim instead.
#include <histedit.h>
