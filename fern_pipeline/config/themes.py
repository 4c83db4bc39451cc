"""A team's own categories for the audit's themes: a name and a few example questions each."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class ThemeCategory(BaseModel):
    """One category: conversations whose questions mean what its examples mean are themed by it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)] = Field(
        description="The category's name, shown as the theme's label."
    )
    examples: tuple[Text, ...] = Field(
        min_length=1,
        max_length=50,
        description="Questions customers ask in this category, in any language (a few are enough).",
    )


def unique_names(categories: tuple[ThemeCategory, ...]) -> tuple[ThemeCategory, ...]:
    """``categories``, each name used once (case aside)."""
    seen: set[str] = set()
    for index, category in enumerate(categories):
        key = category.name.casefold()
        if key in seen:
            raise ValueError(f"{index}.name: {category.name!r} is used by an earlier category")
        seen.add(key)
    return categories
