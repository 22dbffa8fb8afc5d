#include "common.h"
#include <stdlib.h>
#include <string.h>

void cpng_set_message(char *dest, const char *text) {
    if (text == NULL) text = "";
    strncpy(dest, text, CPNG_MESSAGE_CAPACITY - 1);
    dest[CPNG_MESSAGE_CAPACITY - 1] = '\0';
}

void cpng_result_reset(cpng_result *out) {
    out->status = CPNG_OK;
    out->width = 0;
    out->height = 0;
    out->bytes = NULL;
    out->byte_count = 0;
    out->message[0] = '\0';
}

// Keeps libpng's own wording (it is the most precise description available),
// then leaves through the jmp_buf that the entry point set up.
void cpng_error_fn(png_structp png, png_const_charp message) {
    cpng_error_state *state = (cpng_error_state *)png_get_error_ptr(png);
    if (state != NULL) cpng_set_message(state->message, message);
    png_longjmp(png, 1);
}

// Warnings (bad ancillary chunks, iCCP quirks, ...) do not stop decoding and
// must not reach the terminal, which belongs to the UI.
void cpng_warning_fn(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

// A custom allocator is the only reliable way to tell "out of memory" apart from
// other libpng errors, whose text varies between versions.
png_voidp cpng_malloc_fn(png_structp png, png_alloc_size_t size) {
    void *pointer = malloc(size);
    if (pointer == NULL) {
        cpng_error_state *state = (cpng_error_state *)png_get_mem_ptr(png);
        if (state != NULL) state->out_of_memory = 1;
    }
    return pointer;
}

void cpng_free_fn(png_structp png, png_voidp pointer) {
    (void)png;
    free(pointer);
}

void cpng_free(void *pointer) { free(pointer); }

int cpng_shim_version(void) { return (int)png_access_version_number(); }
