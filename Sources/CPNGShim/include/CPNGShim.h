#ifndef CPNGSHIM_H
#define CPNGSHIM_H
#include <stddef.h>
#include <stdint.h>

// libpng signals errors with longjmp. Every setjmp/longjmp lives in the .c files
// of this target, so a libpng error never unwinds through Swift frames: each
// entry point below always returns normally with a status code.

typedef enum {
    CPNG_OK = 0,
    CPNG_NOT_PNG = 1,        // signature missing or wrong
    CPNG_CORRUPT = 2,        // truncated or malformed; message holds libpng's text
    CPNG_TOO_LARGE = 3,      // width * height above the caller's pixel budget
    CPNG_EMPTY = 4,          // zero width or height in IHDR
    CPNG_NO_MEMORY = 5,
    CPNG_BAD_ARGUMENT = 6    // encoder input inconsistent
} cpng_status;

#define CPNG_MESSAGE_CAPACITY 256

typedef struct {
    int status;              // a cpng_status
    uint32_t width;
    uint32_t height;
    // Decoder: width * height * 3 bytes of 8-bit RGB. Encoder: the PNG file.
    // malloc'd; release with cpng_free. NULL unless status == CPNG_OK.
    uint8_t *bytes;
    size_t byte_count;
    char message[CPNG_MESSAGE_CAPACITY];
} cpng_result;

/// Decodes a whole PNG held in memory to 8-bit RGB.
/// The IHDR is checked against max_pixels before any pixel memory is allocated.
/// Alpha (including palette and colour-key tRNS) is composited over bg_r/g/b.
/// 16-bit samples are scaled (rounded) to 8 bits; gAMA/cHRM are ignored on purpose
/// so that measured frames keep their stored sample values.
void cpng_decode_rgb(const uint8_t *data, size_t size, uint64_t max_pixels,
                     uint8_t bg_r, uint8_t bg_g, uint8_t bg_b, cpng_result *out);

/// PNG colour types, same numbers as the PNG specification.
typedef enum {
    CPNG_COLOR_GRAY = 0,
    CPNG_COLOR_RGB = 2,
    CPNG_COLOR_PALETTE = 3,
    CPNG_COLOR_GRAY_ALPHA = 4,
    CPNG_COLOR_RGBA = 6
} cpng_color_type;

typedef struct {
    uint32_t width;
    uint32_t height;
    int color_type;              // a cpng_color_type
    int bit_depth;               // 1, 2, 4, 8 or 16 where the colour type allows it
    int interlaced;              // non-zero: Adam7
    int compression_level;       // 0..9, or -1 for libpng's default
    // One sample per element, unpacked, channels interleaved, rows top to bottom.
    // For palette images the samples are palette indices.
    const uint16_t *samples;
    size_t sample_count;
    const uint8_t *palette_rgb;  // palette_count RGB triples (palette images only)
    int palette_count;
    const uint8_t *palette_alpha; // tRNS alpha per palette entry, may be NULL
    int palette_alpha_count;
    int has_transparent_key;     // grey/RGB colour-key tRNS
    uint16_t key_r, key_g, key_b; // grey images use key_r
} cpng_encode_params;

/// Encodes to a PNG file in memory; on success out->bytes holds the file.
void cpng_encode(const cpng_encode_params *params, cpng_result *out);

void cpng_free(void *pointer);

int cpng_shim_version(void);

#endif
