<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../okguard/ui/crash.py" line="31"/>
        <source>okguard hit an internal error; the details were written to {path}. Please include that file if you report the problem.</source>
        <translation>okguard 遇到内部错误；详细信息已写入 {path}。报告问题时请附上该文件。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/crash.py" line="36"/>
        <source>okguard</source>
        <translation>okguard</translation>
    </message>
</context>
</TS>
