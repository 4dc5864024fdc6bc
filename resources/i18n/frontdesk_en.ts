<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>EventPicker</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/booking/event_picker.py" line="+92" />
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform><numerusform>%n sessions</numerusform></translation>
    </message>
</context>
<context>
    <name>ExpiryWording</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/sign_in/expiry.py" line="+24" />
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform><numerusform>%n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>about %n hour(s)</source>
        <translation>
            <numerusform>about %n hour</numerusform><numerusform>about %n hours</numerusform></translation>
    </message>
</context>
</TS>