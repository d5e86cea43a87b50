// Fixed-signature wrappers around libedit; see include/editline_shim.h.
#include "editline_shim.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

// MARK: - Editor

EditLine *nnedit_init(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}

int nnedit_use_emacs(EditLine *el) {
    return el_set(el, EL_EDITOR, "emacs");
}

int nnedit_use_signals(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

static char prompt_buffer[256] = "";

static char *current_prompt(EditLine *el) {
    (void)el;
    return prompt_buffer;
}

int nnedit_use_prompt(EditLine *el) {
    return el_set(el, EL_PROMPT_ESC, current_prompt, '\1');
}

void nnedit_set_prompt(const char *text) {
    snprintf(prompt_buffer, sizeof prompt_buffer, "%s", text);
}

int nnedit_use_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

// A wide copy of `text`, or NULL.
static wchar_t *widen(const char *text) {
    size_t length = mbstowcs(NULL, text, 0);
    if (length == (size_t)-1) return NULL;
    wchar_t *wide = calloc(length + 1, sizeof *wide);
    if (wide != NULL) mbstowcs(wide, text, length + 1);
    return wide;
}

// el_set(EL_ADDFN) copies the name and help with wcsdup and never frees them (libedit's own
// "XXX: The two strdup's leak"), which LeakSanitizer reports at exit. el_wset keeps the
// pointers it is given, so it gets wide copies that this list keeps for the whole run.
static struct added_function {
    struct added_function *next;
    wchar_t *name, *help;
} *added_functions = NULL;

int nnedit_add_function(EditLine *el, const char *name, const char *help, nnedit_function fn) {
    struct added_function *added = calloc(1, sizeof *added);
    if (added == NULL) return -1;
    added->name = widen(name);
    added->help = widen(help);
    if (added->name == NULL || added->help == NULL) {
        free(added->name);
        free(added->help);
        free(added);
        return -1;
    }
    added->next = added_functions;
    added_functions = added;
    return el_wset(el, EL_ADDFN, added->name, added->help, fn);
}

int nnedit_bind(EditLine *el, const char *key, const char *name) {
    return el_set(el, EL_BIND, key, name, NULL);
}

// MARK: - History

int nnedit_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

int nnedit_history_set_unique(History *h, int on) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, on);
}

int nnedit_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

int nnedit_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

int nnedit_history_save_fd(History *h, int fd) {
    int copy = dup(fd);
    if (copy < 0) return -1;
    FILE *file = fdopen(copy, "w");
    if (file == NULL) {
        int saved = errno;
        close(copy);
        errno = saved;
        return -1;
    }
    HistEvent event;
    errno = 0;
    int count = history(h, &event, H_SAVE_FP, file);
    int failed = count < 0 || fflush(file) != 0 || ferror(file);
    int saved = errno != 0 ? errno : EIO;
    if (fclose(file) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        errno = saved;
        return -1;
    }
    return count;
}

int nnedit_history_count(History *h) {
    HistEvent event;
    if (history(h, &event, H_GETSIZE) < 0) return -1;
    return event.num;
}

// MARK: - Ctrl-C

static volatile sig_atomic_t interrupted = 0;

static void note_interrupt(int signal_number) {
    (void)signal_number;
    interrupted = 1;
}

void nnedit_install_interrupt_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = note_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: Ctrl-C must interrupt a blocking read
    sigaction(SIGINT, &action, NULL);
}

int take_interrupt(void) {
    int was = interrupted;
    interrupted = 0;
    return was;
}

// MARK: - Output

int nnedit_write_stdout(const char *text) {
    if (fputs(text, stdout) == EOF) return EOF;
    return fflush(stdout);
}

void nnedit_write_stderr(const char *text) {
    fputs(text, stderr);
    fflush(stderr);
}

int nnedit_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}
