"""Form definitions as the fuzzers meet them: parsed, or refused with a readable reason."""

from __future__ import annotations

from typing import Any

from desktop.forms import FormDefinition, FormDefinitionError, parse_definition


def parsed_or_explained(raw: Any) -> FormDefinition | None:
    """``raw`` parsed; None where it was refused, after checking that the refusal says so in
    a sentence for the desk and lists what was wrong."""
    try:
        return parse_definition(raw)
    except FormDefinitionError as error:
        problem = error
    assert str(problem).startswith("This service's booking form could not be read: ")
    assert problem.problems
    return None
