<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/ui/booking/describe.py" line="+18"/>
        <source>{when} ({zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>At the client&apos;s address — you will be asked for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By phone — you will be asked for the number to call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By video call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{minutes} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{service} with {staff} — {when} — for {client}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Still needed: {items}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingLayout</name>
    <message>
        <location filename="../../desktop/ui/booking/layout.py" line="+36"/>
        <source>&amp;Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Event registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>1 · What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;taff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>2 · When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>3 · Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save as &amp;draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep this booking on this computer to send later (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingPage</name>
    <message>
        <location filename="../../desktop/ui/booking/page.py" line="+186"/>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a session with free spots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a usable new-client form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a new client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose a service to see open times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Searching clients…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingRestorer</name>
    <message>
        <location filename="../../desktop/ui/booking/restore.py" line="+100"/>
        <source>The time saved in this draft is no longer open. Please pick another; everything else was restored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingSender</name>
    <message>
        <location filename="../../desktop/ui/booking/sender.py" line="+45"/>
        <source>Still needed before booking: {items}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Please check the client&apos;s details: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Booking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stopped waiting for the booking. It was kept in Drafts; Frontdesk will check whether it reached the server before sending it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That time was just taken by someone else. The open times have been refreshed: please pick another. Everything else is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The booking was refused: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../../desktop/ui/booking/catalogue.py" line="+37"/>
        <source>Loading services and staff…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventPicker</name>
    <message>
        <location filename="../../desktop/ui/booking/event_picker.py" line="+29"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Spots open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Event sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose an event to see its sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{open} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full ({total})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No upcoming sessions in the next weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{sessions}, {full} full</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpiryWording</name>
    <message>
        <location filename="../../desktop/ui/sign_in/expiry.py" line="+20"/>
        <source>Your sign-in has expired. Sign in again with a new staff token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>about %n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your sign-in expires in {duration} (at {time} on {day}). Get a new staff token before then.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewClientFormHost</name>
    <message>
        <location filename="../../desktop/ui/booking/form_host.py" line="+61"/>
        <source>Choose a service first: the new-client form depends on it.</source>
        <extracomment>The service whose form is wanted on screen (answers for others are only cached).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Loading the new-client form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The new-client form is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlotPicker</name>
    <message>
        <location filename="../../desktop/ui/booking/slot_picker.py" line="+106"/>
        <source>Day</source>
        <extracomment>The day whose times are listed: the direction of travel when skipping closed days.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Time &amp;zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No open times this month. Try the next month or another staff member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading open times…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>No open times on {closed}; showing {open}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{time}  —  {staff}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No open times on this day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeZonePicker</name>
    <message>
        <location line="-227"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimesLoader</name>
    <message>
        <location filename="../../desktop/ui/booking/times.py" line="+75"/>
        <source>That month is past.</source>
        <extracomment>Event sessions are listed this far ahead.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Loading open times…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading event sessions…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
