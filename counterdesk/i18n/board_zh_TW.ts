<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../board/window.py" line="48"/>
        <source>Database unreachable, retrying</source>
        <translation>資料庫連線中斷，重試中</translation>
    </message>
    <message>
        <location filename="../board/window.py" line="49"/>
        <source>Printer: {0}</source>
        <translation>印表機：{0}</translation>
    </message>
    <message>
        <location filename="../board/window.py" line="50"/>
        <source>Speaker: {0}</source>
        <translation>廣播：{0}</translation>
    </message>
</context>
</TS>
