"""The coach's one-line lookup per employment area (catalogue.coverage)."""

from __future__ import annotations

from catalogue.coverage import LISTED_AREAS, LOCAL_NEEDS, catalogue_coverage, format_coverage, known_gaps


def test_every_listed_area_exists_and_its_place_is_a_member(snapshot):
    for area_id, place in LISTED_AREAS.items():
        area = snapshot.areas[area_id]
        resolved = snapshot.resolve_municipality(place)
        assert resolved is not None and resolved.code in area.municipality_codes, (area_id, place)


def test_what_coverage_reports_is_local_and_meets_the_need(snapshot):
    needs = {need.name: need for need in LOCAL_NEEDS}
    for row in catalogue_coverage(snapshot):
        code = snapshot.resolve_municipality(row.place).code
        local = {s.id for s in snapshot.local_services(code)}
        for need_name, ids in row.found.items():
            for service_id in ids:
                assert service_id in local, (row.area.id, service_id)
                assert needs[need_name].met_by(snapshot.service(service_id)), (row.area.id, need_name, service_id)


def test_the_report_names_every_listed_area_and_counts_the_gaps(snapshot):
    rows = catalogue_coverage(snapshot, listed_only=True)
    text = format_coverage(rows)
    assert [r.area.id for r in rows] == list(LISTED_AREAS)
    for area_id in LISTED_AREAS:
        assert area_id in text
    assert f"{sum(len(r.gaps) for r in rows)} gap(s)" in text


def test_the_gaps_of_the_listed_areas_are_exactly_the_documented_ones(snapshot):
    """A coach in a listed area finds local job coaching, work-trial places and employer supports with
    one line, except where catalogue/data/coverage_gaps.yaml documents that no official page was found.
    A record removed opens an undocumented gap; a gap filled must be taken off the list."""
    found = {(row.area.id, need) for row in catalogue_coverage(snapshot, listed_only=True) for need in row.gaps}
    documented = set(known_gaps())
    assert found - documented == set(), "new gaps"
    assert documented - found == set(), "documented gaps that are filled now"


def test_every_documented_gap_says_what_was_searched():
    needs = {need.name for need in LOCAL_NEEDS}
    for (area_id, need), searched in known_gaps().items():
        assert area_id in LISTED_AREAS and need in needs, (area_id, need)
        assert len(searched) > 40, (area_id, need)


def test_a_need_met_only_by_a_dated_page_is_marked_and_counted(snapshot):
    """A record whose only page is from before the reform or a past year (source_caveat) still answers the
    coach, but the report marks it with † and counts the needs that rest on such pages alone."""
    rows = catalogue_coverage(snapshot, listed_only=True)
    for row in rows:
        for service_id in row.caveated:
            assert snapshot.service(service_id).source_caveat, service_id
    tyohame = next(r for r in rows if r.area.id == "tyohame")
    assert tyohame.found["employer_support"] == ["kuntalisa-hameenlinna-kesatyoseteli"]
    assert "employer_support" in tyohame.met_only_with_caveat
    text = format_coverage(rows)
    assert "kuntalisa-hameenlinna-kesatyoseteli†" in text
    assert f"{sum(len(r.met_only_with_caveat) for r in rows)} need(s) met only by a dated page" in text
