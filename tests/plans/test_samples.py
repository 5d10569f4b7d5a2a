from plans.samples import HERE, PLAN_2021, PLAN_2025, SHARED, sample_path


def test_bundled_samples_match_the_shared_ones_when_both_exist():
    for name in (PLAN_2021, PLAN_2025):
        bundled = (HERE / name).read_text(encoding="utf-8")
        assert "KẾ HOẠCH" in bundled
        if (SHARED / name).is_file():
            assert (SHARED / name).read_text(encoding="utf-8") == bundled
        assert sample_path(name).read_text(encoding="utf-8") == bundled
