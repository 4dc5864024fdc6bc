"""The moments the calendar sweep visits (issue 11), each with the business's zone and the
zone of the receptionist's computer. Each test parametrizes over the ones it is about.

The business is the sample clinic (America/New_York) unless a moment says otherwise; the
computer's zone is the business's unless it says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.clock import parse_moment

NEW_YORK = "America/New_York"
BUENOS_AIRES = "America/Argentina/Buenos_Aires"
TOKYO = "Asia/Tokyo"
MADRID = "Europe/Madrid"
LOS_ANGELES = "America/Los_Angeles"

#: Dr. Nair takes phone consultations on a Sunday night line (00:00-04:00) as well as her
#: Monday hours: the one shift that crosses both clock changes of New York.
NIGHT_LINE = {"st-nair": {"sun": [["00:00", "04:00"]], "mon": [["10:00", "18:00"]]}}


@dataclass(frozen=True)
class Moment:
    name: str
    #: The instant, with the offset it has in ``zone`` (or any offset: it is an instant).
    when: datetime
    zone: str = NEW_YORK
    #: The receptionist's computer's zone (``TZ``), when not the business's.
    machine: str | None = None
    #: What the receptionist sees then, in a few words (the test ids say it).
    about: str = ""

    @property
    def local(self) -> datetime:
        return self.when.astimezone(ZoneInfo(self.zone))

    @property
    def machine_zone(self) -> str:
        return self.machine or self.zone

    def later(self, **delta: float) -> datetime:
        return self.when + timedelta(**delta)


def _at(name: str, text: str, about: str, **options: str) -> Moment:
    return Moment(name, parse_moment(text), about=about, **options)


SPRING_FORWARD = _at("spring-forward", "2027-03-14T01:30-05:00",
                     "02:00-03:00 does not exist tonight")
FALL_BACK_FIRST = _at("fall-back-first-0130", "2027-11-07T01:30-04:00",
                      "the first of two 01:30s")
FALL_BACK_SECOND = _at("fall-back-second-0130", "2027-11-07T01:30-05:00",
                       "the second 01:30, an hour later")
NO_DST = _at("buenos-aires-no-dst", "2027-11-07T01:30-03:00",
             "a zone that never changes its clocks", zone=BUENOS_AIRES)
NEW_YEARS_EVE = _at("new-years-eve-2350", "2027-12-31T23:50-05:00", "ten minutes of 2027 left")
LEAP_DAY = _at("leap-day", "2028-02-29T09:00-05:00", "29 February 2028")
SUNDAY = _at("sunday", "2027-06-13T11:00-04:00", "nobody works on Sundays")
FRIDAY = _at("friday", "2027-06-11T08:30-04:00", "Dr. Chen works 09:00-13:00 straight")
BEFORE_CLOSING = _at("ten-before-closing", "2027-06-15T16:50-04:00",
                     "Dr. Chen closes at 17:00")
AHEAD_OF_UTC = _at("tokyo-business", "2027-12-31T23:50-05:00",
                   "already New Year's Day in the business's Tokyo", zone=TOKYO,
                   machine=NEW_YORK)
MADRID_BUSINESS = _at("madrid-business", "2028-02-29T08:30+01:00",
                      "a business ahead of UTC on a leap day", zone=MADRID,
                      machine=LOS_ANGELES)
BEHIND_MACHINE = _at("business-behind-desk", "2027-12-31T20:00-05:00",
                     "the desk's computer (Madrid) is in 2028, the business in 2027",
                     machine=MADRID)

EVERY = (SPRING_FORWARD, FALL_BACK_FIRST, FALL_BACK_SECOND, NO_DST, NEW_YEARS_EVE, LEAP_DAY,
         SUNDAY, FRIDAY, BEFORE_CLOSING, AHEAD_OF_UTC, MADRID_BUSINESS, BEHIND_MACHINE)


def each(*moments: Moment) -> pytest.MarkDecorator:
    """``@each(A, B)``: parametrize ``moment`` over those moments, named after them."""
    return pytest.mark.parametrize("moment", moments or EVERY, ids=lambda m: m.name)
