"""The browser tests' own machinery (conftest.py), where a fault would hang the suite."""

from .conftest import PageWatch


def test_a_reused_tab_that_cannot_be_parked_is_closed_only_once_the_next_tests_tab_is_open(warm_profiles, served_site):
    # Headless Chromium sometimes never finishes closing the last page of a persistent
    # profile, and page.close() then waits for ever: the profile must always keep a page.
    profile = warm_profiles(0)
    profile.begin(PageWatch(served_site.rstrip("/")))
    reused = profile.take_home()
    profile.end(reusable=False)
    assert reused.is_closed()
    assert len(profile.context.pages) == 1
    profile.begin(PageWatch(served_site.rstrip("/")))  # as the next test does
    assert profile.take_home() is profile.context.pages[0]
    profile.end(reusable=True)
