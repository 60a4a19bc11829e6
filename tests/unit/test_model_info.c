/* Unit tests of engine/readers/model_info.c: presence flags, notes, names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "readers/model_info.h"

static void test_presence_notes_and_names(void **state)
{
    (void)state;
    struct taf_model_info m;
    taf_model_info_init(&m);
    assert_false(taf_model_has(&m, TAF_F_THETA));
    taf_model_set(&m, TAF_F_THETA, 10000);
    assert_true(taf_model_has(&m, TAF_F_THETA) && m.theta == 10000);
    taf_model_set(&m, TAF_F_TIED, 1);
    assert_true(m.tie_word_embeddings);
    for (int i = 0; i < TAF_MODEL_MAX_NOTES + 5; i++)
        taf_model_note(&m, "note %d", i);
    assert_int_equal(m.n_notes, TAF_MODEL_MAX_NOTES);     /* extra notes are dropped, not overflowed */
    assert_string_equal(m.notes[3], "note 3");
    assert_string_equal(taf_arch_name(TAF_ARCH_MLA), "MLA");
    assert_string_equal(taf_position_name(TAF_POS_ALIBI), "alibi");
    char small[4];
    taf_copy_string(small, sizeof small, "abcdef", 6);
    assert_string_equal(small, "abc");
    taf_model_info_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(test_presence_notes_and_names) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
