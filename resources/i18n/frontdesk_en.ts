<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClientPicker</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/booking/client_picker.py" line="+177"/>
        <source>%n found. Pick one with the arrow keys.</source>
        <translation>
            <numerusform>%n found. Pick one with the arrow keys.</numerusform>
            <numerusform>%n found. Pick one with the arrow keys.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayActions</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/day/actions.py" line="+98"/>
        <source>%n marked as no-show</source>
        <extracomment>Store work of the day&apos;s actions: never cancelled by Esc (a write either happens or not). Held this much longer than Undo is offered, so nothing is sent while Undo still shows. Pending operations are re-read this long after the last change the outbox reported.</extracomment>
        <translation>
            <numerusform>%n marked as no-show</numerusform>
            <numerusform>%n marked as no-show</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n marked as arrived / done</source>
        <translation>
            <numerusform>%n marked as arrived / done</numerusform>
            <numerusform>%n marked as arrived / done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n request(s) accepted</source>
        <translation>
            <numerusform>%n request accepted</numerusform>
            <numerusform>%n requests accepted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayToolbar</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/day/toolbar.py" line="+116"/>
        <source>%n booked</source>
        <translation>
            <numerusform>%n booked</numerusform>
            <numerusform>%n booked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n arrived or done</source>
        <translation>
            <numerusform>%n arrived or done</numerusform>
            <numerusform>%n arrived or done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n no-show(s)</source>
        <translation>
            <numerusform>%n no-show</numerusform>
            <numerusform>%n no-shows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n waiting for acceptance</source>
        <translation>
            <numerusform>%n waiting for acceptance</numerusform>
            <numerusform>%n waiting for acceptance</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/day/details.py" line="+146"/>
        <source>%n appointment(s) selected</source>
        <translation>
            <numerusform>%n appointment selected</numerusform>
            <numerusform>%n appointments selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/drafts/panel.py" line="+221"/>
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n waiting to send</numerusform>
            <numerusform>%n waiting to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n needs attention</source>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventPicker</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/booking/event_picker.py" line="+93"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpiryWording</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/sign_in/expiry.py" line="+25"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>about %n hour(s)</source>
        <translation>
            <numerusform>about %n hour</numerusform>
            <numerusform>about %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusIndicators</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/status_indicators.py" line="+66"/>
        <source>Checking %n unconfirmed send(s)</source>
        <translation>
            <numerusform>Checking %n unconfirmed send</numerusform>
            <numerusform>Checking %n unconfirmed sends</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>● Checking %n unconfirmed send(s)</source>
        <translation>
            <numerusform>● Checking %n unconfirmed send</numerusform>
            <numerusform>● Checking %n unconfirmed sends</numerusform>
        </translation>
    </message>
</context>
</TS>
