<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>StaffExitDialog</name>
    <message>
        <location filename="../kiosk/staff_exit.py" line="50"/>
        <source>Staff</source>
        <translation>工作人員</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="57"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="57"/>
        <source>Back</source>
        <translation>倒退</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="65"/>
        <source>Leave full screen</source>
        <translation>離開全螢幕</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="66"/>
        <source>Close the kiosk</source>
        <translation>關閉取號機</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="67"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="73"/>
        <source>Staff PIN</source>
        <translation>請輸入工作人員密碼</translation>
    </message>
</context>
</TS>
