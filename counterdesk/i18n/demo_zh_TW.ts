<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>DemoOffice</name>
    <message>
        <location filename="../demo/office.py" line="101"/>
        <source>counterdesk — demo office</source>
        <translation>counterdesk — 示範辦公室</translation>
    </message>
    <message>
        <location filename="../demo/office.py" line="106"/>
        <source>Supervisor</source>
        <translation>主管報表</translation>
    </message>
    <message>
        <location filename="../demo/office.py" line="103"/>
        <source>Kiosk</source>
        <translation>取號機</translation>
    </message>
    <message>
        <location filename="../demo/office.py" line="104"/>
        <source>Board</source>
        <translation>叫號看板</translation>
    </message>
    <message>
        <location filename="../demo/office.py" line="105"/>
        <source>Counter {0}</source>
        <translation>{0} 號櫃檯</translation>
    </message>
    <message>
        <location filename="../demo/office.py" line="111"/>
        <source>Counter {0} citizen screen</source>
        <translation>{0} 號櫃檯民眾評分螢幕</translation>
    </message>
</context>
</TS>
