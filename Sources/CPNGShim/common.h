#ifndef CPNG_COMMON_H
#define CPNG_COMMON_H
// Private helpers shared by the decoder and encoder (not part of the module API).
#include "CPNGShim.h"
#include <png.h>

// Lives on the caller's stack for one decode/encode; libpng reaches it through
// its error/io/mem pointers so the callbacks can record why a longjmp happened.
typedef struct {
    char message[CPNG_MESSAGE_CAPACITY];
    int out_of_memory;
} cpng_error_state;

void cpng_set_message(char *dest, const char *text);
void cpng_result_reset(cpng_result *out);
void cpng_error_fn(png_structp png, png_const_charp message);
void cpng_warning_fn(png_structp png, png_const_charp message);
png_voidp cpng_malloc_fn(png_structp png, png_alloc_size_t size);
void cpng_free_fn(png_structp png, png_voidp pointer);

#endif
