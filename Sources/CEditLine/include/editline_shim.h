// Fixed-signature wrappers around libedit for Swift.
//
// Swift cannot call C variadic functions (el_set, el_get, history), cannot name the
// stdio streams in Swift 6 mode, and cannot express `volatile sig_atomic_t`. Everything
// of that kind lives here; the rest of libedit is called from Swift directly.
#ifndef NNSTEP_EDITLINE_SHIM_H
#define NNSTEP_EDITLINE_SHIM_H

#include <histedit.h>

/// A libedit user function, as registered with EL_ADDFN (returns a CC_* code).
typedef unsigned char (*nnedit_function)(EditLine *el, int ch);

// MARK: - Editor

/// el_init on stdin, stdout and stderr. `prog` is the name matched by `prog:` lines in ~/.editrc.
EditLine *nnedit_init(const char *prog);
/// EL_EDITOR "emacs".
int nnedit_use_emacs(EditLine *el);
/// EL_SIGNAL: when on, libedit restores the terminal around signals and re-raises them.
int nnedit_use_signals(EditLine *el, int on);
/// EL_PROMPT_ESC with the shim's prompt buffer; bytes between two \1 characters are
/// printed but take no columns (use it around colour escapes).
int nnedit_use_prompt(EditLine *el);
/// Copies `text` into the prompt buffer (truncated to 255 bytes).
void nnedit_set_prompt(const char *text);
/// EL_HIST: Up/Down and Ctrl-R walk this history.
int nnedit_use_history(EditLine *el, History *h);
/// EL_ADDFN: registers `fn` under `name` so that it can be bound to keys.
int nnedit_add_function(EditLine *el, const char *name, const char *help, nnedit_function fn);
/// EL_BIND key name (the argument list is NULL-terminated here).
int nnedit_bind(EditLine *el, const char *key, const char *name);

// MARK: - History

/// H_SETSIZE: the most entries kept.
int nnedit_history_set_size(History *h, int size);
/// H_SETUNIQUE: when on, a line equal to the previous entry is not entered again.
int nnedit_history_set_unique(History *h, int on);
/// H_ENTER: appends `line`.
int nnedit_history_enter(History *h, const char *line);
/// H_LOAD: the number of entries read, or -1 (also for a file without the _HiStOrY_V2_ header).
int nnedit_history_load(History *h, const char *path);
/// H_SAVE_FP to a stdio copy of `fd`, checking every write, the flush and the close.
/// Returns the number of entries written, or -1 with errno set. `fd` stays open.
int nnedit_history_save_fd(History *h, int fd);
/// H_GETSIZE: the number of entries, or -1.
int nnedit_history_count(History *h);

// MARK: - Ctrl-C

/// Installs a SIGINT handler (sigaction, no SA_RESTART) that only sets a flag.
void nnedit_install_interrupt_handler(void);
/// Returns 1 if SIGINT arrived since the last call, and clears the flag.
int take_interrupt(void);

// MARK: - Output

/// fputs plus fflush on stdout: 0, or EOF with errno set (EPIPE when the reader went away).
int nnedit_write_stdout(const char *text);
/// fputs plus fflush on stderr.
void nnedit_write_stderr(const char *text);
/// The width of the terminal on `fd` in columns, or 0 if it is not a terminal.
int nnedit_terminal_columns(int fd);

#endif
