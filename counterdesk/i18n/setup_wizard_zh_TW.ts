<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../setup_wizard/wizard.py" line="43"/>
        <source>Kiosk (tickets)</source>
        <translation>取號機</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="44"/>
        <source>Counter console</source>
        <translation>櫃檯操作台</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="45"/>
        <source>Display board</source>
        <translation>叫號看板</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="46"/>
        <source>Rating screen</source>
        <translation>評分螢幕</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="47"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="48"/>
        <source>Web status server</source>
        <translation>網頁查詢伺服器</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="49"/>
        <source>Notifier (SMS and e-mail)</source>
        <translation>通知服務（簡訊與電子郵件）</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="72"/>
        <source>Set up this PC</source>
        <translation>設定這台電腦</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="92"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="92"/>
        <source>What does this PC do in the office?</source>
        <translation>這台電腦在辦公室裡做什麼？</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="98"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="99"/>
        <source>&amp;Counter number:</source>
        <translation>櫃檯號碼(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="105"/>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="106"/>
        <source>The office&apos;s database on the server, and this role&apos;s login.</source>
        <translation>伺服器上的辦公室資料庫，以及此角色的登入帳號。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="110"/>
        <source>&amp;Test the connection</source>
        <translation>測試連線(&amp;T)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="116"/>
        <source>&amp;Address:</source>
        <translation>位址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="124"/>
        <source>Printer</source>
        <translation>印表機</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="125"/>
        <source>The kiosk&apos;s ticket printer; type network:HOST:9100 for one on the network.</source>
        <translation>取號機的號碼牌印表機；網路印表機請輸入 network:主機:9100。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="133"/>
        <source>&amp;Print a test ticket</source>
        <translation>列印測試號碼牌(&amp;P)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="136"/>
        <source>Prin&amp;ter:</source>
        <translation>印表機(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="143"/>
        <source>Voices</source>
        <translation>語音</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="143"/>
        <source>The voices that call numbers, in Mandarin and in English.</source>
        <translation>叫號用的華語與英語語音。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="158"/>
        <source>&amp;Speak a test call</source>
        <translation>播放測試叫號(&amp;S)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="160"/>
        <source>&amp;Mandarin voice:</source>
        <translation>華語語音(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="161"/>
        <source>&amp;English voice:</source>
        <translation>英語語音(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="162"/>
        <source>&amp;Words per minute:</source>
        <translation>每分鐘字數(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="168"/>
        <source>Screen and start</source>
        <translation>螢幕與啟動</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="168"/>
        <source>How the window shows, and starting at login.</source>
        <translation>視窗的顯示方式，以及登入時啟動。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="170"/>
        <source>F&amp;ull screen</source>
        <translation>全螢幕(&amp;U)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="177"/>
        <source>&amp;Start in this role at login</source>
        <translation>登入時以此角色啟動(&amp;S)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="181"/>
        <source>Window si&amp;ze:</source>
        <translation>視窗大小(&amp;Z)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="182"/>
        <source>Staff &amp;language:</source>
        <translation>員工介面語言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="224"/>
        <location filename="../setup_wizard/wizard.py" line="283"/>
        <source>Problem: %1</source>
        <translation>問題：%1</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="243"/>
        <source>&amp;Use the login %1</source>
        <translation>改用登入帳號 %1(&amp;U)</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="275"/>
        <source>Trying…</source>
        <translation>測試中…</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="290"/>
        <source>%1 exists: Finish replaces it and keeps the old one as a backup.</source>
        <translation>%1 已存在：按「完成」會取代它，並將舊檔保留為備份。</translation>
    </message>
    <message>
        <location filename="../setup_wizard/wizard.py" line="295"/>
        <source>Finish writes %1.</source>
        <translation>按「完成」會寫入 %1。</translation>
    </message>
</context>
</TS>
