"""The short names that tell plans apart, and menu labels cut to length."""

from actionplan.model.plan_names import menu_label, names_organisation, plan_name


def test_a_title_that_does_not_name_the_organisation_is_prefixed_with_it():
    assert plan_name("Equality Strategy Action Plan", None, "Merton") == (
        "Merton: Equality Strategy Action Plan")


def test_a_short_title_that_names_the_place_is_the_name():
    assert plan_name("Equality Strategy Action Plan 2016-2018", "Charnwood 2016-2018",
                     "Charnwood Borough Council") == "Charnwood 2016-2018"
    assert names_organisation("Kingston 2015-2016", "Royal Borough of Kingston upon Thames")


def test_a_partnership_named_only_in_part_is_named_whole():
    assert plan_name("Equalities Working Group Action Plan", None,
                     "Lewisham Equalities Working Group") == (
        "Lewisham Equalities Working Group: Equalities Working Group Action Plan")


def test_a_plan_that_names_no_organisation_keeps_its_title():
    assert plan_name("Draft Equalities Action Plan", None, None) == "Draft Equalities Action Plan"


def test_a_place_inside_another_word_does_not_count():
    assert not names_organisation("Hullabaloo plan", "Hull City Council")


def test_menu_labels_are_cut_at_a_word_boundary():
    text = "Objective 3: To ensure commissioning, contracting and grants decisions of the council"
    assert menu_label(text, 40) == "Objective 3: To ensure commissioning…"
    assert menu_label("Short enough", 40) == "Short enough"


def test_a_cut_never_splits_a_word():
    label = menu_label("alpha beta gammadelta", 15)
    assert label == "alpha beta…"
