#include "common.h"
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint8_t *bytes;
    size_t count;
    size_t capacity;
} memory_writer;

static void write_to_memory(png_structp png, png_bytep data, size_t length) {
    memory_writer *writer = (memory_writer *)png_get_io_ptr(png);
    if (length > writer->capacity - writer->count) {
        size_t capacity = writer->capacity < 4096 ? 4096 : writer->capacity;
        while (capacity - writer->count < length) {
            if (capacity > SIZE_MAX / 2) png_error(png, "Out of memory");
            capacity *= 2;
        }
        uint8_t *grown = (uint8_t *)realloc(writer->bytes, capacity);
        if (grown == NULL) {
            cpng_error_state *state = (cpng_error_state *)png_get_error_ptr(png);
            state->out_of_memory = 1;
            png_error(png, "Out of memory");
        }
        writer->bytes = grown;
        writer->capacity = capacity;
    }
    memcpy(writer->bytes + writer->count, data, length);
    writer->count += length;
}

static void flush_memory(png_structp png) { (void)png; }

static int channels_for(int color_type) {
    switch (color_type) {
    case CPNG_COLOR_GRAY: return 1;
    case CPNG_COLOR_RGB: return 3;
    case CPNG_COLOR_PALETTE: return 1;
    case CPNG_COLOR_GRAY_ALPHA: return 2;
    case CPNG_COLOR_RGBA: return 4;
    default: return 0;
    }
}

// Checked here rather than left to libpng so the caller gets a precise reason.
static const char *validate(const cpng_encode_params *p) {
    int channels = channels_for(p->color_type);
    if (channels == 0) return "unknown colour type";
    if (p->width == 0 || p->height == 0) return "zero width or height";
    int depth = p->bit_depth;
    if (depth != 1 && depth != 2 && depth != 4 && depth != 8 && depth != 16) return "bit depth must be 1, 2, 4, 8 or 16";
    if (p->color_type == CPNG_COLOR_PALETTE && depth == 16) return "palette images are at most 8 bits deep";
    if ((p->color_type == CPNG_COLOR_RGB || p->color_type == CPNG_COLOR_GRAY_ALPHA || p->color_type == CPNG_COLOR_RGBA) && depth < 8)
        return "this colour type needs 8 or 16 bits";
    if ((uint64_t)p->width * p->height * (uint64_t)channels != (uint64_t)p->sample_count) return "sample count does not match width * height * channels";
    if (p->color_type == CPNG_COLOR_PALETTE) {
        if (p->palette_rgb == NULL || p->palette_count < 1 || p->palette_count > (1 << depth) || p->palette_count > 256)
            return "palette size does not fit the bit depth";
        if (p->palette_alpha_count > p->palette_count) return "more tRNS entries than palette entries";
    }
    uint32_t limit = p->color_type == CPNG_COLOR_PALETTE ? (uint32_t)p->palette_count : (1u << depth);
    for (size_t i = 0; i < p->sample_count; i++) {
        if (p->samples[i] >= limit) return "sample value out of range for the bit depth or palette";
    }
    return NULL;
}

static void pack_rows(const cpng_encode_params *p, uint8_t *packed, size_t row_bytes) {
    size_t per_row = (size_t)p->width * (size_t)channels_for(p->color_type);
    for (uint32_t y = 0; y < p->height; y++) {
        const uint16_t *src = p->samples + (size_t)y * per_row;
        uint8_t *dst = packed + (size_t)y * row_bytes;
        memset(dst, 0, row_bytes);
        if (p->bit_depth == 16) {
            for (size_t i = 0; i < per_row; i++) {
                dst[2 * i] = (uint8_t)(src[i] >> 8);
                dst[2 * i + 1] = (uint8_t)src[i];
            }
        } else if (p->bit_depth == 8) {
            for (size_t i = 0; i < per_row; i++) dst[i] = (uint8_t)src[i];
        } else {
            int depth = p->bit_depth;
            for (size_t i = 0; i < per_row; i++) {
                size_t bit = i * (size_t)depth;
                int shift = 8 - depth - (int)(bit % 8); // PNG packs the leftmost pixel in the high bits
                dst[bit / 8] |= (uint8_t)(src[i] << shift);
            }
        }
    }
}

static void write_metadata(png_structp png, png_infop info, const cpng_encode_params *p) {
    png_set_IHDR(png, info, p->width, p->height, p->bit_depth, p->color_type,
                 p->interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (p->color_type == CPNG_COLOR_PALETTE) {
        png_color palette[256];
        for (int i = 0; i < p->palette_count; i++) {
            palette[i].red = p->palette_rgb[3 * i];
            palette[i].green = p->palette_rgb[3 * i + 1];
            palette[i].blue = p->palette_rgb[3 * i + 2];
        }
        png_set_PLTE(png, info, palette, p->palette_count);
        if (p->palette_alpha != NULL && p->palette_alpha_count > 0) {
            png_set_tRNS(png, info, p->palette_alpha, p->palette_alpha_count, NULL);
        }
    } else if (p->has_transparent_key && (p->color_type == CPNG_COLOR_GRAY || p->color_type == CPNG_COLOR_RGB)) {
        png_color_16 key;
        memset(&key, 0, sizeof key);
        key.gray = p->key_r;
        key.red = p->key_r;
        key.green = p->key_g;
        key.blue = p->key_b;
        png_set_tRNS(png, info, NULL, 0, &key);
    }
    if (p->compression_level >= 0 && p->compression_level <= 9) png_set_compression_level(png, p->compression_level);
}

void cpng_encode(const cpng_encode_params *params, cpng_result *out) {
    cpng_result_reset(out);
    const char *problem = validate(params);
    if (problem != NULL) {
        out->status = CPNG_BAD_ARGUMENT;
        cpng_set_message(out->message, problem);
        return;
    }
    size_t row_bits = (size_t)params->width * (size_t)channels_for(params->color_type) * (size_t)params->bit_depth;
    size_t row_bytes = (row_bits + 7) / 8;
    uint8_t *packed = (uint8_t *)malloc(row_bytes * params->height);
    png_bytep *rows = (png_bytep *)malloc(sizeof(png_bytep) * params->height);
    if (packed == NULL || rows == NULL) {
        free(packed);
        free(rows);
        out->status = CPNG_NO_MEMORY;
        cpng_set_message(out->message, "out of memory packing rows");
        return;
    }
    pack_rows(params, packed, row_bytes);
    for (uint32_t y = 0; y < params->height; y++) rows[y] = packed + (size_t)y * row_bytes;

    cpng_error_state state;
    memset(&state, 0, sizeof state);
    memory_writer writer = { NULL, 0, 0 };
    png_structp png = png_create_write_struct_2(PNG_LIBPNG_VER_STRING, &state, cpng_error_fn, cpng_warning_fn,
                                                &state, cpng_malloc_fn, cpng_free_fn);
    png_infop info = png != NULL ? png_create_info_struct(png) : NULL;
    if (png == NULL || info == NULL) {
        png_destroy_write_struct(png != NULL ? &png : NULL, NULL);
        free(packed);
        free(rows);
        out->status = CPNG_NO_MEMORY;
        cpng_set_message(out->message, "out of memory creating the PNG writer");
        return;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(packed);
        free(rows);
        free(writer.bytes);
        out->status = state.out_of_memory ? CPNG_NO_MEMORY : CPNG_BAD_ARGUMENT;
        cpng_set_message(out->message, state.message);
        return;
    }
    png_set_write_fn(png, &writer, write_to_memory, flush_memory);
    write_metadata(png, info, params);
    png_write_info(png, info);
    png_write_image(png, rows); // handles the Adam7 passes itself when interlaced
    png_write_end(png, info);

    png_destroy_write_struct(&png, &info);
    free(packed);
    free(rows);
    out->width = params->width;
    out->height = params->height;
    out->bytes = writer.bytes;
    out->byte_count = writer.count;
}
