<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>FeedbackWindow</name>
    <message>
        <location filename="../rating_screen/window.py" line="153"/>
        <source>Rating screen of counter {0}</source>
        <translation>{0} 號櫃檯評分螢幕</translation>
    </message>
</context>
</TS>
