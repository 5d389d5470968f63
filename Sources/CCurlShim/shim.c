#include "CCurlShim.h"

const char *ct_curl_version(void) { return curl_version(); }
