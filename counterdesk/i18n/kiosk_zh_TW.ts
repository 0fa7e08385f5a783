<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>StaffExitDialog</name>
    <message>
        <location filename="../kiosk/staff_exit.py" line="105"/>
        <source>Staff</source>
        <translation>工作人員</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="113"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="113"/>
        <source>Back</source>
        <translation>倒退</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="122"/>
        <source>Leave full screen</source>
        <translation>離開全螢幕</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="123"/>
        <source>Close the kiosk</source>
        <translation>關閉取號機</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="124"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="132"/>
        <source>Staff PIN</source>
        <translation>請輸入工作人員密碼</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="153"/>
        <source>Checking…</source>
        <translation>檢查中…</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="158"/>
        <source>Wrong PIN</source>
        <translation>密碼錯誤</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="161"/>
        <source>The PIN could not be checked: try again</source>
        <translation>無法檢查密碼：請再試一次</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="169"/>
        <source>Locked after {failures} wrong PINs: try again in {minutes} min {seconds} s, or a supervisor unlocks it with counterdesk staff unlock --kiosk {kiosk}</source>
        <translation>密碼連續錯誤 {failures} 次，已鎖定：請於 {minutes} 分 {seconds} 秒後再試，或請主管以 counterdesk staff unlock --kiosk {kiosk} 解除鎖定</translation>
    </message>
    <message>
        <location filename="../kiosk/staff_exit.py" line="180"/>
        <source>A wrong PIN was just entered: try again in {seconds} s</source>
        <translation>剛才輸入的密碼錯誤：請於 {seconds} 秒後再試</translation>
    </message>
</context>
</TS>
