<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../board/window.py" line="50"/>
        <source>Database unreachable, retrying</source>
        <translation>資料庫連線中斷，重試中</translation>
    </message>
    <message>
        <location filename="../board/window.py" line="51"/>
        <source>Printer: {0}</source>
        <translation>印表機：{0}</translation>
    </message>
    <message>
        <location filename="../board/window.py" line="52"/>
        <source>Speaker: {0}</source>
        <translation>廣播：{0}</translation>
    </message>
</context>
<context>
    <name>DeviceFault</name>
    <message>
        <location filename="../devices/faults.py" line="26"/>
        <source>no sound output found</source>
        <translation>找不到音效輸出裝置</translation>
    </message>
    <message>
        <location filename="../devices/faults.py" line="27"/>
        <source>no sound player installed</source>
        <translation>未安裝音效播放程式</translation>
    </message>
    <message>
        <location filename="../devices/faults.py" line="28"/>
        <source>no speech engine installed</source>
        <translation>未安裝語音引擎</translation>
    </message>
    <message>
        <location filename="../devices/faults.py" line="29"/>
        <source>a voice for the calls is missing</source>
        <translation>缺少叫號所需的語音</translation>
    </message>
    <message>
        <location filename="../devices/faults.py" line="30"/>
        <source>the voice stopped answering</source>
        <translation>語音程式沒有回應</translation>
    </message>
    <message>
        <location filename="../devices/faults.py" line="31"/>
        <source>a call could not be spoken</source>
        <translation>有一次叫號未能播出</translation>
    </message>
    <message>
        <location filename="../devices/faults.py" line="32"/>
        <source>no printer set up</source>
        <translation>未設定印表機</translation>
    </message>
    <message>
        <location filename="../devices/faults.py" line="33"/>
        <source>no printer found</source>
        <translation>找不到印表機</translation>
    </message>
    <message>
        <location filename="../devices/faults.py" line="34"/>
        <source>out of paper</source>
        <translation>印表機缺紙</translation>
    </message>
    <message>
        <location filename="../devices/faults.py" line="35"/>
        <source>the printer does not answer</source>
        <translation>印表機沒有回應</translation>
    </message>
    <message>
        <location filename="../devices/faults.py" line="36"/>
        <source>a ticket could not be printed</source>
        <translation>有一張號碼牌未能列印</translation>
    </message>
</context>
</TS>
