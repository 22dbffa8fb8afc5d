#ifndef CPNGSHIM_H
#define CPNGSHIM_H
#include <stddef.h>
#include <stdint.h>
// Placeholder: the decoder shim is filled in by the image work.
int cpng_shim_version(void);
#endif
