#ifndef ACTORGRAPH_CGRAPHVIZ_SHIM_H
#define ACTORGRAPH_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Graphviz prints errors to stderr by default; this handler keeps them out of
   the user's terminal so the caller can report them through aglasterr(). */
static inline int actorgraph_silent_error_handler(char *message) {
    (void)message;
    return 0;
}

static inline void actorgraph_silence_graphviz_errors(void) {
    agseterrf(actorgraph_silent_error_handler);
}

#endif
