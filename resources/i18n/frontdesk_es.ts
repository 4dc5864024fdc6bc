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
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about.py" line="+58"/>
        <source>Connected to {url}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingClient</name>
    <message>
        <location filename="../../desktop/api/bookings.py" line="+123"/>
        <source>The booking&apos;s answer was lost and the new client has no e-mail address to look it up by. Look at the calendar before booking again.</source>
        <extracomment>The shape of ``form_data.fields`` the server took last (ARRAY until told otherwise).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/api/reads.py" line="+199"/>
        <source>Open times can only be looked up for named staff members, and no staff member (or a blank one) was given.</source>
        <extracomment>``sort``: a field and a direction, e.g. ``start_at:ASC`` or ``updated:DESC``.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/api/urls.py" line="+47"/>
        <source>The API address must not contain a “?” or “#” part. Use only the server&apos;s address, for example https://api.vcita.biz.</source>
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
        <source>Join the &amp;waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The session is full: put the chosen client on its waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The client is told about the booking as the business&apos;s own notification settings say; Frontdesk cannot change that for a new booking.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingPage</name>
    <message>
        <location filename="../../desktop/ui/booking/page.py" line="+241"/>
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
        <location line="-76"/>
        <source>Booking again for {name}: pick the new time.</source>
        <extracomment>Put the chosen client on a full session&apos;s waitlist: (JoinWaitlist, BookingLabel).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+77"/>
        <source>a session with free spots (or join its waitlist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a usable new-client form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a usable booking form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the service&apos;s booking form (loading)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a new client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
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
        <location line="+38"/>
        <source>Searching clients…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingRestorer</name>
    <message>
        <location filename="../../desktop/ui/booking/restore.py" line="+101"/>
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
        <location line="+33"/>
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
        <location line="+11"/>
        <source>The booking was refused: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../desktop/ui/day/dialogs.py" line="+52"/>
        <source>Cancel appointment</source>
        <extracomment>The platform&apos;s message field is short text; more is refused or cut.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{day} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel {client}&apos;s {service}, {when}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The time becomes free for others. The client is told by the platform; you can add a message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message to the client (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Message to the client (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel the &amp;appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep it</source>
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
    <name>ClientDetails</name>
    <message>
        <location filename="../../desktop/booking/client_details.py" line="+39"/>
        <source>This service&apos;s form needs {labels} for this client before booking.</source>
        <extracomment>Field id → value taken from the record (only fields the record has a value for). Required fields the record cannot fill, in reading order: ask the receptionist.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientDetailsHost</name>
    <message>
        <location filename="../../desktop/ui/booking/details_host.py" line="+119"/>
        <source>This service also needs, for {name}:</source>
        <extracomment>A details form is on screen (a reopened draft&apos;s answers go in then).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The service&apos;s booking form is not loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayActions</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/day/actions.py" line="+96"/>
        <source>%n marked as no-show</source>
        <extracomment>Store work of the day&apos;s actions: never cancelled by Esc (a write either happens or not). Held this much longer than Undo is offered, so nothing is sent while Undo still shows. Pending operations are re-read this long after the last change the outbox reported.</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n marked as arrived / done</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} marked as no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} marked as arrived / done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name}&apos;s {time} appointment cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The new time could not be kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} moved to {staff}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open the day of that appointment first, then choose Pick another time again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That change could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The change could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Too late to undo: it is being sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The change could not be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The outbox could not be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayLoader</name>
    <message>
        <location filename="../../desktop/ui/day/loader.py" line="+71"/>
        <source>Loading the day…</source>
        <extracomment>Refresh this often while the window is used (a booking made elsewhere shows within 30 s). While the API cannot be reached, wait longer between tries, up to this.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayPage</name>
    <message>
        <location filename="../../desktop/ui/day/page.py" line="+84"/>
        <location line="+57"/>
        <source>Loading the day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The day could not be loaded: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No appointments on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No appointments for them today.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayToolbar</name>
    <message>
        <location filename="../../desktop/ui/day/toolbar.py" line="+25"/>
        <source>◀ &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous day (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ext ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next day (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Day shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show the appointments of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Today, {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n booked</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n arrived or done</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n no-show(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n cancelled</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n waiting for acceptance</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>free time left: {hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../desktop/ui/day/details.py" line="+51"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Other upcoming appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other upcoming appointments of the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Arrived / done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reschedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Book a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose an appointment to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n appointment(s) selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{day}, {time} — {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None booked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftsCoordinator</name>
    <message>
        <location filename="../../desktop/ui/drafts/coordinator.py" line="+95"/>
        <source>The folder {folder} cannot be created or written ({reason}).</source>
        <extracomment>Autosave this long after the last change: a crash loses at most about a second of typing. How many sends are in doubt (answer lost), waiting for their look-up. The draft on screen (reopened, or saved with Ctrl+S): saving again updates it, booking it replaces it. The drafts file could not be opened at start: these drafts live only until exit.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+112"/>
        <source>{client} will be put on the waitlist of {service}, {time}. It is sent now, or as soon as the network is back.</source>
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
    <name>FormDefinitions</name>
    <message>
        <location filename="../../desktop/ui/booking/definitions.py" line="+56"/>
        <source>Loading the booking form…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeneratedForm</name>
    <message>
        <location filename="../../desktop/ui/form/rows.py" line="+41"/>
        <source>Required</source>
        <extracomment>Rows of up to 6 fields share columns exactly (lcm of 1..6 is 60); odder rows get close. Fields built before the constructor returns: more than a screenful, and all of any usual form. Longer forms build the rest in batches while the event loop is idle (one batch per turn, a few ms each), so the first screen is usable at once.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+159"/>
        <source>Street, number, city</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+55"/>
        <source>Business time zone: {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Day  (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book  (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day&apos;s schedule: arrivals, no-shows, cancellations and reschedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Book an appointment or an event registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewClientFormHost</name>
    <message>
        <location filename="../../desktop/ui/booking/form_host.py" line="+58"/>
        <source>Choose a service first: the new-client form depends on it.</source>
        <extracomment>The service whose form is wanted on screen (answers for others are only cached).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
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
    <name>Outbox</name>
    <message>
        <location filename="../../desktop/outbox/db.py" line="+72"/>
        <source>The draft could not be saved because the drafts file is read-only. Nothing was lost from the form; ask for write access to the drafts folder.</source>
        <extracomment>How long a writer waits for another process holding the file (a second app instance).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The draft could not be saved because another program kept the drafts file busy. Nothing was lost from the form; press Save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The draft could not be saved ({error}). Nothing was lost from the form; press Save again, and restart Frontdesk if it keeps failing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file was left untouched; the drafts in it are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The drafts file {path} is locked by another program (or another Frontdesk), so it cannot be opened now. Close the other program and start Frontdesk again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The drafts file {path} is read-only, so Frontdesk cannot keep drafts in it. Ask for write access to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The drafts file {path} cannot be opened: the computer refused access to it. Check that this account may read and write it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The drafts file {path} could not be opened ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Drafts cannot be kept because the disk holding {folder} is full. Free some space and start Frontdesk again.</source>
        <extracomment>A sentence for the UI when a damaged file was set aside at open, else None.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drafts cannot be kept because the folder {folder} is read-only or cannot be written. Ask for write access to it, or start Frontdesk with another data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The drafts file was damaged, so it was moved aside to {aside} and Frontdesk started with an empty list of drafts. Keep that file: support can try to recover the drafts in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The drafts file {path} was written by a newer Frontdesk. Update Frontdesk to open it; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The drafts could not be read ({error}). Restart Frontdesk; if it keeps happening, the drafts file may be damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/outbox/errors.py" line="+16"/>
        <source>The draft could not be saved because the disk is full. Nothing was lost from the form; free some space and press Save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Sign in again to send drafts.</source>
        <extracomment>Another program (or another Frontdesk) holds a lock on it for too long. The operating system refused to open it (permissions, a folder in its place). Its folder cannot be created or written (read-only disk, missing share). The file or its folder is read-only. The disk is full. Written by a newer Frontdesk: this version cannot read it. Anything else SQLite refused with (an I/O error of the disk, ...).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/outbox/policy.py" line="+57"/>
        <source>This was already done, so it cannot be sent again.</source>
        <extracomment>``sending`` only from ``queued``; nothing after ``sent``. Statuses whose content may be edited. Not ``sending`` (it may be on the wire) nor ``sent``. A ``sending`` operation may already be done: dropping it would hide that from the desk. Not settled: a later operation on the same booking waits while an earlier one is in here. Waiting to be sent (the status bar&apos;s &quot;waiting&quot;) and waiting for a person.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a draft waiting in the outbox can be sent; queue it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is being sent right now; wait until it is finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A draft that is {current} cannot become {wanted}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/outbox/sending.py" line="+233"/>
        <source>The new booking was made, but the old one could not be cancelled: {reason}</source>
        <extracomment>op id -&gt; monotonic moment before which it is not looked up (set here, so a wall clock set back cannot shorten the grace of what this engine put in doubt).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Frontdesk could not yet check whether this went through ({error}). It will check again before sending anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/outbox/store.py" line="+56"/>
        <source>That draft no longer exists; it may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Only a booking draft can be opened and changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Only a reschedule or a move that has not happened yet can be given another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This is being sent or was already sent, so it can no longer be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its last send may have reached the server; wait until Frontdesk has checked whether it went through before changing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This draft is not complete enough to send (a time or a client may be missing). Open it, finish it and book it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This is being sent right now; it can be dropped once Frontdesk knows whether it went through.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <location filename="../../desktop/ui/day/reschedule.py" line="+66"/>
        <source>Reschedule</source>
        <extracomment>A move to another staff member: the new booking to make (None: same staff member).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Move {client}&apos;s {service} (now {time})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another staff member: Frontdesk books the new time with them first and cancels the old booking only once the new one is made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Tell the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+22"/>
        <source>Message to the client (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-12"/>
        <source>&amp;Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Reading the client&apos;s details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This service is no longer offered, so its open times cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That month is past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Loading open times…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Move to {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Move to {time} with {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This booking names no client, so it cannot be moved to another staff member. Book the new time, then cancel this one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <location filename="../../desktop/ui/day/schedule.py" line="+65"/>
        <source>The day&apos;s appointments</source>
        <extracomment>Each staff member&apos;s column is at least this wide (more columns scroll sideways). A schedule narrower than this shows the day as one list (staff named on each entry). The entry whose details to show (None: nothing selected). The selection changed (for the batch buttons). Enter or a double-click on an entry: open its actions.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Appointments of {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <location filename="../../desktop/ui/booking/service_picker.py" line="+70"/>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type to search services…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../desktop/ui/sign_in/session.py" line="+243"/>
        <source>Signed out, but the saved token could not be removed: {reason}</source>
        <extracomment>How often the token&apos;s expiry is looked at (it is also looked at on every sign-in).</extracomment>
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
    <name>StaffPicker</name>
    <message>
        <location filename="../../desktop/ui/booking/service_picker.py" line="+43"/>
        <source>Staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Any available</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../desktop/ui/application.py" line="+259"/>
        <source>Frontdesk is already open on this computer: its window was brought to the front.</source>
        <extracomment>Asked when the offline drafts file cannot be opened (tests answer it themselves).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Frontdesk is already open on this computer, or is just closing. Use its window, or wait a moment and start it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusIndicators</name>
    <message>
        <location filename="../../desktop/ui/status_indicators.py" line="+43"/>
        <source>● Offline</source>
        <extracomment>Drafts are kept only until exit (the drafts file could not be opened).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The booking service cannot be reached. Work goes on; what waits is sent when the network is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>● Checking %n unconfirmed send(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection dropped before the service answered. Frontdesk checks whether these went through before sending anything again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signed in: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in with a staff token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drafts waiting: {waiting}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · need attention: {attention}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (kept only until Frontdesk closes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeZonePicker</name>
    <message>
        <location filename="../../desktop/ui/booking/slot_picker.py" line="-227"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimesLoader</name>
    <message>
        <location filename="../../desktop/ui/booking/times.py" line="+76"/>
        <source>That month is past.</source>
        <extracomment>Event sessions are listed this far ahead.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Loading open times…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading event sessions…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoToast</name>
    <message>
        <location filename="../../desktop/ui/day/toast.py" line="+28"/>
        <source>&amp;Undo</source>
        <extracomment>How long Undo is offered.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../desktop/ui/demo_menu.py" line="+76"/>
        <source>Another desk just booked {who}; watch the Day view pick it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another desk just cancelled {who}; watch the Day view pick it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another desk books now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another desk cancels now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
