#ifndef CLAIMTRACK_LIBXML2_SHIM_H
#define CLAIMTRACK_LIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; its headers would pull ICU types into
// every module that also imports Foundation. Read the version header first,
// then pretend ICU is off before the rest (NATIVE.md).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>

static void ct_xml_silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void ct_xml_silent_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }

/// Silences libxml2's per-thread error output for the calling thread.
static inline void ct_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, ct_xml_silent_generic);
    xmlSetStructuredErrorFunc(NULL, ct_xml_silent_structured);
    xmlThrDefSetGenericErrorFunc(NULL, ct_xml_silent_generic);
    xmlThrDefSetStructuredErrorFunc(NULL, ct_xml_silent_structured);
}

static inline void ct_xml_free(void *p) { xmlFree(p); }
#endif
