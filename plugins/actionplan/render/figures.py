"""Figures on an action page: the officer's rating, percentages, money, and a measure's chart.

The chart is a small inline SVG drawn from the same values as the measure's table, which
stays the data: the SVG is an image (role="img") whose text alternative states the trend
in words. No script, fixed geometry and rounding, so the same data gives the same bytes.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from actionplan.model.entities import (
    Action, Budget, Measure, MeasureValue, Number, OfficerRating,
)
from actionplan.model.naming import display_date_text
from actionplan.model.vocabulary import rag_words
from actionplan.render.text import markdown_inline

CURRENCY_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$"}

# Geometry of the chart's drawing area, in SVG user units (the image scales to its box).
WIDTH, HEIGHT = 400, 200
LEFT, RIGHT, TOP, BOTTOM = 56, 330, 24, 160


def figure_text(value: Number) -> str:
    """A number as the page shows it: thousands separated, no trailing ".0"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return format(value, ",")


def with_unit(value: Number, unit: str | None) -> str:
    """"45%", "12 people", or the number alone."""
    if not unit:
        return figure_text(value)
    return figure_text(value) + (unit if unit == "%" else f" {unit}")


def percent_text(value: Number) -> str:
    return f"{figure_text(value)}%"


def money_text(budget: Budget) -> str:
    """"£25,000", "€1,200.50", or "1,000 CHF" for a currency without a sign here."""
    amount = budget.amount
    text = (figure_text(amount) if float(amount).is_integer()
            else format(float(amount), ",.2f"))
    sign = CURRENCY_SIGNS.get(budget.currency)
    return f"{sign}{text}" if sign else f"{text} {budget.currency}"


def rag_html(code: str) -> Markup:
    """The officer's rating in words; the coloured square beside it only repeats them."""
    return Markup('<strong class="ap-rag ap-rag--{}"><span class="ap-rag__swatch" '
                  'aria-hidden="true"></span>{}</strong>').format(code, rag_words(code))


def rating_source(rating: OfficerRating) -> str:
    """Where the shown rating comes from, in words."""
    if rating.update is None:
        return "the action's own rating (no progress update gives one)"
    if rating.update.date is None:
        return "from an undated progress update"
    return f"from the progress update of {display_date_text(rating.update.date)}"


def trend_sentence(measure: Measure) -> str:
    """The chart's text alternative: what the figures did, in one or two sentences."""
    values = measure.values
    first, last = values[0], values[-1]
    name = markdown_inline(measure.text).striptags()  # the words, without Markdown marks
    sentence = (f"Chart of {name}: {_movement(values)} from {with_unit(first.value, measure.unit)}"
                f" ({display_date_text(first.date)}) to {with_unit(last.value, measure.unit)}"
                f" ({display_date_text(last.date)}), over {len(values)} reported values.")
    if measure.target is not None:
        by = f" by {display_date_text(measure.target.date)}" if measure.target.date else ""
        sentence += f" Target: {with_unit(measure.target.value, measure.unit)}{by}."
    return sentence


def _movement(values: tuple[MeasureValue, ...]) -> str:
    steps = [b.value - a.value for a, b in zip(values, values[1:])]
    change = values[-1].value - values[0].value
    if change == 0:
        return "unchanged overall" if any(steps) else "unchanged"
    word = "rose" if change > 0 else "fell"
    steady = all(s >= 0 for s in steps) if change > 0 else all(s <= 0 for s in steps)
    return word if steady else f"{word} overall"


def measure_chart(measure: Measure, chart_id: str) -> Markup:
    """An SVG line chart of the measure's values (two or more), with its target as a dashed
    line labelled in words; empty Markup when there is nothing to draw."""
    values = measure.values
    if len(values) < 2:
        return Markup("")
    target = measure.target.value if measure.target else None
    figures = [v.value for v in values] + ([target] if target is not None else [])
    # The axis always includes zero, so that a small change does not look like a large one.
    low, high = min(0, *figures), max(0, *figures)
    high = high if high > low else low + 1

    def y(value: Number) -> float:
        return round(BOTTOM - (value - low) / (high - low) * (BOTTOM - TOP), 1)

    xs = _x_positions(values)
    points = [(x, y(v.value)) for x, v in zip(xs, values)]
    parts = [
        f'<svg class="ap-chart__image" role="img" aria-labelledby="{chart_id}-title" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(trend_sentence(measure))}</title>',
        f'<line class="ap-chart__axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{BOTTOM}"/>',
        f'<line class="ap-chart__axis" x1="{LEFT}" y1="{BOTTOM}" x2="{RIGHT}" y2="{BOTTOM}"/>',
        _text(LEFT - 6, y(high) + 4, figure_text(high), "end"),
        _text(LEFT - 6, y(low) + 4, figure_text(low), "end"),
        _text(LEFT, BOTTOM + 20, display_date_text(values[0].date), "start"),
        _text(RIGHT, BOTTOM + 20, display_date_text(values[-1].date), "end"),
    ]
    if target is not None:
        parts += [f'<line class="ap-chart__target" x1="{LEFT}" y1="{y(target)}" x2="{RIGHT}" '
                  f'y2="{y(target)}"/>',
                  _text(RIGHT + 4, y(target) + 4, f"Target {figure_text(target)}", "start")]
    parts.append('<polyline class="ap-chart__line" points="'
                 + " ".join(f"{x},{py}" for x, py in points) + '"/>')
    parts += [f'<circle class="ap-chart__point" cx="{x}" cy="{py}" r="4"/>' for x, py in points]
    parts += [_text(points[0][0], points[0][1] - 8, figure_text(values[0].value), "start"),
              _text(points[-1][0], points[-1][1] - 8, figure_text(values[-1].value), "end")]
    parts.append("</svg>")
    return Markup("".join(parts))


def chart_id_for(action: Action, measure: Measure) -> str:
    """A page-unique id: "chart-ID", or "chart--N" (its place) for a measure without an id;
    no id starts with "-", so the two kinds cannot clash."""
    if measure.id:
        return f"chart-{measure.id}"
    place = next(i for i, m in enumerate(action.measures, 1) if m is measure)
    return f"chart--{place}"


def _x_positions(values: tuple[MeasureValue, ...]) -> list[float]:
    """Spaced by time when every value's date is on the calendar, else evenly."""
    starts = [v.date.start for v in values]
    span = (starts[-1] - starts[0]).days if all(starts) else 0  # type: ignore[operator]
    if span <= 0:
        step = (RIGHT - LEFT) / (len(values) - 1)
        return [round(LEFT + i * step, 1) for i in range(len(values))]
    return [round(LEFT + (s - starts[0]).days / span * (RIGHT - LEFT), 1)  # type: ignore[operator]
            for s in starts]


def _text(x: float, y: float, words: str, anchor: str) -> str:
    return (f'<text class="ap-chart__label" x="{x}" y="{y}" text-anchor="{anchor}">'
            f"{escape(words)}</text>")


FILTERS = {"figure_text": figure_text, "percent_text": percent_text, "money_text": money_text,
           "rag_html": rag_html}
GLOBALS = {"with_unit": with_unit, "rating_source": rating_source, "chart_id_for": chart_id_for,
           "measure_chart": measure_chart, "trend_sentence": trend_sentence}
