"""The one Jinja2 environment: strict, escaping, and colours that meet WCAG AA."""

from __future__ import annotations

import re

import jinja2
import pytest

from penportrait import resources
from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store
from penportrait.core.views import Audience, overview_view, page_view
from penportrait.render import palette
from penportrait.render.html import environment, render_overview, render_portrait
from tests.helpers import example


def test_the_environment_is_strict_and_escapes() -> None:
    env = environment()
    assert env.autoescape is True
    assert env.undefined is jinja2.StrictUndefined
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


@pytest.mark.parametrize("audience", list(Audience))
def test_every_sample_pupil_renders_with_the_real_view(
    sample_store: Store, audience: Audience
) -> None:
    for pupil in sample_store.scan().pupils:
        html = render_portrait(page_view(pupil, SchoolSettings(), audience), 11.0)
        assert pupil.pupil.last_name.replace("'", "&#39;") in html


def test_every_template_renders(sample_store: Store) -> None:
    pupil = sample_store.scan().pupils[0]
    assert resources.template_names()
    for name in resources.template_names():
        if name == "portrait.html.j2":
            assert render_portrait(page_view(pupil, SchoolSettings(), Audience.STAFF), 10.0)
        elif name == "overview.html.j2":
            for group in ("4 Oak", "8R", "no such group"):
                view = overview_view(
                    group, sample_store.scan().pupils, SchoolSettings(), Audience.COVER
                )
                assert group in render_overview(view, 10.0)
        else:  # pragma: no cover - each new template gets its own renderer and test
            pytest.fail(f"{name} has no render test")


HOSTILE = "<b>bold</b> {{ 7 * 7 }} {% if true %}x{% endif %} </table></td> &amp; <script>"


def test_what_a_user_typed_never_acts_as_markup_or_template() -> None:
    data = example(**{"portrait.about_me": HOSTILE, "pupil.first_name": "<i>Al</i>"})
    view = page_view(Pupil.model_validate(data), SchoolSettings(), Audience.STAFF)
    html = render_portrait(view, 11.0)
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "{{ 7 * 7 }}" in html and "49" not in html
    assert "&lt;/table&gt;&lt;/td&gt;" in html
    assert "&amp;amp;" in html
    assert "<i>Al</i>" not in html


@pytest.mark.parametrize("name", ["portrait.html.j2", "overview.html.j2"])
def test_the_templates_take_their_colours_only_from_the_palette(name: str) -> None:
    text = resources.read_template(name)
    assert re.findall(r"(?<!&)#[0-9a-fA-F]{3,6}\b", text) == []


@pytest.mark.parametrize(("name", "foreground", "background"), palette.TEXT_PAIRS)
def test_text_on_every_background_meets_wcag_aa(
    name: str, foreground: str, background: str
) -> None:
    assert palette.contrast_ratio(foreground, background) >= 4.5, name


def test_the_contrast_formula_matches_known_values() -> None:
    assert palette.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
