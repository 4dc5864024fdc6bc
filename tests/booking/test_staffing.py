"""Who gives which service, and the shortest service of each staff member (the Day view reads
each one's free time with it)."""

from __future__ import annotations

from desktop.api.models import Service, Staff
from desktop.booking.staffing import shortest_service_per_staff, staff_for_service


def _service(sid: str, minutes: int, kind: str = "AppointmentService") -> Service:
    return Service(id=sid, name=sid, duration=minutes, type=kind)


def _staff(sid: str, offers: list[str] | None = None, *, active: bool = True) -> Staff:
    extra = {} if offers is None else {"service_ids": offers}
    return Staff.model_validate({"id": sid, "first_name": sid, "active": active, **extra})


def test_a_record_without_a_list_offers_everything_and_inactive_staff_offer_nothing() -> None:
    chen, nair, gone = _staff("chen", ["massage"]), _staff("nair"), _staff("gone", active=False)
    massage, yoga = _service("massage", 60), _service("yoga", 45)
    assert [m.id for m in staff_for_service(massage, [chen, nair, gone])] == ["chen", "nair"]
    assert [m.id for m in staff_for_service(yoga, [chen, nair, gone])] == ["nair"]
    assert [m.id for m in staff_for_service(None, [chen, nair, gone])] == ["chen", "nair"]


def test_each_staff_member_gets_the_shortest_appointment_service_they_give() -> None:
    services = [_service("massage", 60), _service("phone", 15), _service("check", 30),
                _service("class", 10, kind="EventService"), _service("untimed", 0)]
    staff = [_staff("chen", ["phone", "massage"]), _staff("ramirez", ["massage"]),
             _staff("nair"), _staff("okafor", ["class"]), _staff("gone", active=False)]
    plan = shortest_service_per_staff(services, staff)
    assert {sid: (service.id, who) for sid, (service, who) in plan.items()} == {
        "phone": ("phone", ["chen", "nair"]),  # nair offers everything: the shortest, 15 min
        "massage": ("massage", ["ramirez"]),
    }  # okafor gives only an event; events, untimed services and inactive staff are left out


def test_ten_thousand_services_nobody_gives_leave_the_plan_empty() -> None:
    services = [_service(f"sv-{n}", 30 + n % 4 * 15) for n in range(10_000)]
    assert shortest_service_per_staff(services, [_staff("chen", ["massage"])]) == {}
