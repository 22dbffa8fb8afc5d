#include "common.h"
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const uint8_t *data;
    size_t size;
    size_t offset;
} memory_reader;

static void read_from_memory(png_structp png, png_bytep dest, size_t length) {
    memory_reader *reader = (memory_reader *)png_get_io_ptr(png);
    if (length > reader->size - reader->offset) {
        png_error(png, "file is truncated");
    }
    memcpy(dest, reader->data + reader->offset, length);
    reader->offset += length;
}

static uint32_t read_be32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static void fail(cpng_result *out, int status, const char *message) {
    out->status = status;
    cpng_set_message(out->message, message);
}

static int check_dimensions(uint32_t width, uint32_t height, uint64_t max_pixels, cpng_result *out) {
    out->width = width;
    out->height = height;
    if (width == 0 || height == 0) {
        fail(out, CPNG_EMPTY, "image has a zero width or height");
        return 0;
    }
    if ((uint64_t)width * (uint64_t)height > max_pixels) {
        fail(out, CPNG_TOO_LARGE, "image is above the pixel limit");
        return 0;
    }
    return 1;
}

// Reads width/height straight from the IHDR bytes so that an oversized image is
// refused before libpng reads any further chunk or anything is allocated for it.
// libpng validates the same header again (CRC included) right after.
static int precheck_header(const uint8_t *data, size_t size, uint64_t max_pixels, cpng_result *out) {
    if (size == 0) {
        fail(out, CPNG_NOT_PNG, "no data");
        return 0;
    }
    size_t compared = size < 8 ? size : 8;
    if (png_sig_cmp((png_const_bytep)data, 0, compared) != 0) {
        fail(out, CPNG_NOT_PNG, "PNG signature missing");
        return 0;
    }
    if (size < 8) {
        fail(out, CPNG_CORRUPT, "file is truncated");
        return 0;
    }
    if (size >= 8 + 8 + 13 && memcmp(data + 12, "IHDR", 4) == 0 && read_be32(data + 8) == 13) {
        return check_dimensions(read_be32(data + 16), read_be32(data + 20), max_pixels, out);
    }
    return 1; // malformed start: libpng will say precisely what is wrong
}

// Requests 8-bit RGB or RGBA whatever the stored colour type and bit depth.
static void request_rgb8(png_structp png, png_infop info) {
    int color_type = png_get_color_type(png, info);
    int bit_depth = png_get_bit_depth(png, info);
    if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
    if (bit_depth == 16) png_set_scale_16(png); // rounds, unlike png_set_strip_16
    if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
}

// RGBA -> RGB in place: each 3-byte write lands at or before the 4-byte read.
static void composite_over(uint8_t *pixels, size_t count, uint8_t bg_r, uint8_t bg_g, uint8_t bg_b) {
    const uint8_t *src = pixels;
    uint8_t *dst = pixels;
    for (size_t i = 0; i < count; i++, src += 4, dst += 3) {
        unsigned a = src[3], inverse = 255u - a;
        uint8_t r = (uint8_t)((src[0] * a + bg_r * inverse + 127u) / 255u);
        uint8_t g = (uint8_t)((src[1] * a + bg_g * inverse + 127u) / 255u);
        uint8_t b = (uint8_t)((src[2] * a + bg_b * inverse + 127u) / 255u);
        dst[0] = r;
        dst[1] = g;
        dst[2] = b;
    }
}

void cpng_decode_rgb(const uint8_t *data, size_t size, uint64_t max_pixels,
                     uint8_t bg_r, uint8_t bg_g, uint8_t bg_b, cpng_result *out) {
    cpng_result_reset(out);
    if (!precheck_header(data, size, max_pixels, out)) return;

    cpng_error_state state;
    memset(&state, 0, sizeof state);
    memory_reader reader = { data, size, 0 };
    png_structp png = png_create_read_struct_2(PNG_LIBPNG_VER_STRING, &state, cpng_error_fn, cpng_warning_fn,
                                               &state, cpng_malloc_fn, cpng_free_fn);
    png_infop info = png != NULL ? png_create_info_struct(png) : NULL;
    if (png == NULL || info == NULL) {
        png_destroy_read_struct(png != NULL ? &png : NULL, NULL, NULL);
        fail(out, CPNG_NO_MEMORY, "out of memory creating the PNG reader");
        return;
    }
    // Assigned after setjmp and read after a longjmp: must be volatile.
    uint8_t *volatile pixels = NULL;
    png_bytep *volatile rows = NULL;

    if (setjmp(png_jmpbuf(png))) {
        free(rows);
        free(pixels);
        png_destroy_read_struct(&png, &info, NULL);
        if (out->status == CPNG_OK) {
            fail(out, state.out_of_memory ? CPNG_NO_MEMORY : CPNG_CORRUPT, state.message);
        }
        return;
    }
    png_set_read_fn(png, &reader, read_from_memory);
    // Only the caller's budget limits size; libpng's default 1,000,000 per side would
    // reject a legal 2,000,000 x 1 strip with a misleading "corrupt" message.
    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
    png_read_info(png, info);

    uint32_t width = png_get_image_width(png, info);
    uint32_t height = png_get_image_height(png, info);
    if (!check_dimensions(width, height, max_pixels, out)) png_longjmp(png, 1);

    request_rgb8(png, info);
    size_t channels = png_get_channels(png, info);
    size_t row_bytes = png_get_rowbytes(png, info);
    if ((channels != 3 && channels != 4) || png_get_bit_depth(png, info) != 8 || row_bytes != (size_t)width * channels) {
        fail(out, CPNG_CORRUPT, "unsupported pixel layout after conversion");
        png_longjmp(png, 1);
    }
    size_t pixel_count = (size_t)width * (size_t)height;
    if (pixel_count > SIZE_MAX / channels) {
        fail(out, CPNG_NO_MEMORY, "image too large for this machine's address space");
        png_longjmp(png, 1);
    }
    pixels = (uint8_t *)malloc(pixel_count * channels);
    rows = (png_bytep *)malloc(sizeof(png_bytep) * height);
    if (pixels == NULL || rows == NULL) {
        fail(out, CPNG_NO_MEMORY, "out of memory for the decoded pixels");
        png_longjmp(png, 1);
    }
    for (uint32_t y = 0; y < height; y++) rows[y] = pixels + (size_t)y * row_bytes;
    png_read_image(png, rows);
    // png_read_end is skipped on purpose: a file cut after its last IDAT byte
    // (missing IEND) still has every pixel and is worth showing.

    if (channels == 4) {
        composite_over(pixels, pixel_count, bg_r, bg_g, bg_b);
        uint8_t *shrunk = (uint8_t *)realloc(pixels, pixel_count * 3);
        if (shrunk != NULL) pixels = shrunk;
    }
    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    out->bytes = pixels;
    out->byte_count = pixel_count * 3;
}
