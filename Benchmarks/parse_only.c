/*
 * parse_only: the baseline for `debate build`. Reads each file named on the command line into
 * memory and runs libyaml's event parser over it to STREAM-END, doing nothing with the events but
 * counting them. Prints the total event count on standard output.
 *
 *   cc -O2 -o parse_only parse_only.c $(pkg-config --cflags --libs yaml-0.1)
 *   ./parse_only FILE...
 *
 * Exit status: 0 when every file parsed, 1 when a file is not valid YAML (the message names
 * file:line:column), 2 on usage or I/O errors.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Reads the whole file; returns NULL (and reports) on failure. */
static unsigned char *read_file(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "parse_only: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t capacity = 1 << 16, used = 0;
    unsigned char *buffer = malloc(capacity);
    if (buffer == NULL) {
        fprintf(stderr, "parse_only: out of memory reading %s\n", path);
        fclose(f);
        return NULL;
    }
    for (;;) {
        if (used == capacity) {
            capacity *= 2;
            unsigned char *bigger = realloc(buffer, capacity);
            if (bigger == NULL) {
                fprintf(stderr, "parse_only: out of memory reading %s\n", path);
                free(buffer);
                fclose(f);
                return NULL;
            }
            buffer = bigger;
        }
        size_t n = fread(buffer + used, 1, capacity - used, f);
        used += n;
        if (n == 0) break;
    }
    if (ferror(f)) {
        fprintf(stderr, "parse_only: cannot read %s: %s\n", path, strerror(errno));
        free(buffer);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *length = used;
    return buffer;
}

/* Parses one buffer; adds its events to *count. Returns 0, or 1 on a YAML error. */
static int parse(const char *path, const unsigned char *text, size_t length, unsigned long long *count) {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fprintf(stderr, "parse_only: cannot initialize the libyaml parser\n");
        return 2;
    }
    yaml_parser_set_input_string(&parser, text, length);
    int status = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            /* problem_mark is 0-based; print 1-based like every other tool. */
            fprintf(stderr, "%s:%zu:%zu: error: %s", path, parser.problem_mark.line + 1,
                    parser.problem_mark.column + 1, parser.problem ? parser.problem : "YAML error");
            if (parser.context != NULL) {
                fprintf(stderr, " %s (line %zu)", parser.context, parser.context_mark.line + 1);
            }
            fputc('\n', stderr);
            status = 1;
            break;
        }
        int done = event.type == YAML_STREAM_END_EVENT;
        (*count)++;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    return status;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: parse_only FILE...\n");
        return 2;
    }
    unsigned long long events = 0;
    int status = 0;
    for (int i = 1; i < argc; i++) {
        size_t length = 0;
        unsigned char *text = read_file(argv[i], &length);
        if (text == NULL) return 2;
        int result = parse(argv[i], text, length, &events);
        free(text);
        if (result > status) status = result;
        if (result == 2) break;
    }
    printf("%llu\n", events);
    return status;
}
