<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="114"/>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="178"/>
        <source>Continue the wizard</source>
        <translation>继续向导</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="115"/>
        <source>Yes, close the case with it</source>
        <translation>是的，用这笔结案</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="117"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="117"/>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="117"/>
        <source>Contact log</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="117"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="121"/>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="128"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="121"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="121"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="124"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="124"/>
        <source>Due</source>
        <translation>截止日</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="124"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="124"/>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="129"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="130"/>
        <source>Whom</source>
        <translation>联系对象</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="131"/>
        <source>Reference number</source>
        <translation>工单/受理编号</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="132"/>
        <source>What they said</source>
        <translation>对方答复</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="136"/>
        <source>Item</source>
        <translation>证据项</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="136"/>
        <source>Have it</source>
        <translation>已备齐</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="136"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="168"/>
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="170"/>
        <source>Opened {0}</source>
        <translation>立案于 {0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="173"/>
        <source>In question: {0}</source>
        <translation>涉及金额：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="175"/>
        <source>Recovered: {0}</source>
        <translation>已追回：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="178"/>
        <source>Open the wizard</source>
        <translation>打开向导</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/case_detail.py" line="182"/>
        <source>Money came back? {0} looks like the refund for this case.</source>
        <translation>钱退回来了吗？{0} 看起来是本案的退款。</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../okguard/ui/pages/cases.py" line="99"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/cases.py" line="102"/>
        <source>Getting money back, step by step: what to do now, the deadlines, whom to contact, your evidence and the letter. Each case is kept until you close it.</source>
        <translation>一步步把钱追回来：现在该做什么、有哪些期限、联系谁、准备哪些证据以及函件。每个案件都会保留，直到你结案。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/cases.py" line="106"/>
        <source>New case…</source>
        <translation>新建案件…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/cases.py" line="109"/>
        <source>No cases yet. On the Flags page, pick a flag and choose “Open a recovery case”, or start one here with “New case”.</source>
        <translation>还没有案件。在“警示”页面选择一条警示，然后点击“发起追回案件”；或在这里点击“新建案件…”。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/cases.py" line="115"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/cases.py" line="116"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/cases.py" line="117"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/cases.py" line="118"/>
        <source>Next deadline</source>
        <translation>最近期限</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/cases.py" line="119"/>
        <source>Opened</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/cases.py" line="172"/>
        <source>refund found</source>
        <translation>发现退款</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/pages/cases.py" line="286"/>
        <source>Refund recorded; the case is closed.</source>
        <translation>已记录退款，案件已结案。</translation>
    </message>
</context>
<context>
    <name>ClassifyPage</name>
    <message>
        <location filename="../../okguard/ui/recovery/page_classify.py" line="45"/>
        <source>What kind of case</source>
        <translation>案件类型</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_classify.py" line="48"/>
        <source>Deadlines, contacts and the letter depend on what went wrong, who holds your money and where.</source>
        <translation>期限、联系对象和函件取决于出了什么问题、钱在哪家机构以及适用哪里的规则。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_classify.py" line="52"/>
        <source>What went wrong</source>
        <translation>出了什么问题</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_classify.py" line="53"/>
        <source>Bank, wallet or exchange</source>
        <translation>银行、钱包或交易所</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_classify.py" line="54"/>
        <source>Rules of</source>
        <translation>适用规则</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_classify.py" line="63"/>
        <source>e.g. Alipay, your bank</source>
        <translation>例如：支付宝、你的开户银行</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_classify.py" line="98"/>
        <source>Using the rules of {0}, with what is known about {1}.</source>
        <translation>采用{0}的规则，并结合{1}的已知规定。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_classify.py" line="102"/>
        <source>Using the rules of {0}.</source>
        <translation>采用{0}的规则。</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="98"/>
        <source>Whom to contact</source>
        <translation>联系谁</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="101"/>
        <source>Contact them in this order. Write down every call or chat: the date, the reference number and what they said.</source>
        <translation>请按以下顺序联系。每次通话或聊天都要记下：日期、工单编号和对方的答复。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="105"/>
        <source>In this order</source>
        <translation>联系顺序</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="106"/>
        <source>Contact log</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="109"/>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="119"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="110"/>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="121"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="111"/>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="120"/>
        <source>Whom</source>
        <translation>联系对象</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="112"/>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="122"/>
        <source>Reference number</source>
        <translation>工单/受理编号</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="113"/>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="123"/>
        <source>What they said</source>
        <translation>对方答复</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="128"/>
        <source>ticket, claim or report number</source>
        <translation>工单号、理赔号或报案回执号</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="129"/>
        <source>Log this contact</source>
        <translation>记录这次联系</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="173"/>
        <source>Say how you contacted them and what they said.</source>
        <translation>请填写联系渠道和对方的答复。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_contacts.py" line="196"/>
        <source>Contact logged. A follow-up reminder is set.</source>
        <translation>已记录联系，并设置了跟进提醒。</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <location filename="../../okguard/ui/recovery/page_deadlines.py" line="88"/>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_deadlines.py" line="91"/>
        <source>The clocks now running: what you must do, and what your provider must do, by when.</source>
        <translation>现在开始计时：你必须在何时之前做什么，机构又必须在何时之前做什么。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_deadlines.py" line="94"/>
        <source>First statement showing it:</source>
        <translation>首次显示该笔交易的账单日：</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_deadlines.py" line="95"/>
        <source>First told the provider on:</source>
        <translation>首次告知机构的日期：</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_deadlines.py" line="98"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_deadlines.py" line="99"/>
        <source>Who acts</source>
        <translation>由谁办理</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_deadlines.py" line="100"/>
        <source>Due</source>
        <translation>截止日</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_deadlines.py" line="101"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_deadlines.py" line="102"/>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_deadlines.py" line="105"/>
        <source>Sources</source>
        <translation>依据来源</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_deadlines.py" line="169"/>
        <source>No deadline in the rules for this case.</source>
        <translation>规则中没有适用于本案的期限。</translation>
    </message>
</context>
<context>
    <name>EscalationPage</name>
    <message>
        <location filename="../../okguard/ui/recovery/page_escalation.py" line="57"/>
        <source>If they refuse or are late</source>
        <translation>对方拒绝或逾期时</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_escalation.py" line="60"/>
        <source>You can skip this step while the provider is still within its time. Escalate when it refuses or its deadline passes.</source>
        <translation>机构仍在处理期限内时可以跳过这一步。对方拒绝或超过期限时再升级投诉。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_escalation.py" line="64"/>
        <source>Record an escalation</source>
        <translation>记录升级投诉</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_escalation.py" line="65"/>
        <source>To</source>
        <translation>投诉对象</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_escalation.py" line="66"/>
        <source>Reference number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_escalation.py" line="67"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_escalation.py" line="68"/>
        <source>I have escalated</source>
        <translation>我已升级投诉</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_escalation.py" line="79"/>
        <source>The provider&apos;s deadline ({0}) passed on {1}. You can escalate now.</source>
        <translation>机构的期限（{0}）已于 {1} 届满。你现在可以升级投诉。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_escalation.py" line="86"/>
        <source>If the provider refuses, or has not answered by {0}, turn to:</source>
        <translation>如果机构拒绝处理，或到 {0} 仍未答复，可以找：</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_escalation.py" line="92"/>
        <source>If the provider refuses or does not answer, turn to:</source>
        <translation>如果机构拒绝处理或不予答复，可以找：</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_escalation.py" line="115"/>
        <source>The rules name no ombudsman, regulator or court for this case; a consumer advice service or a lawyer can tell you where to turn.</source>
        <translation>规则中没有为本案列出调解机构、监管部门或法院；消费者咨询机构或律师可以告诉你该找谁。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_escalation.py" line="128"/>
        <source>Escalated:</source>
        <translation>已升级投诉：</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_escalation.py" line="154"/>
        <source>Escalation recorded.</source>
        <translation>已记录升级投诉。</translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <location filename="../../okguard/ui/recovery/page_evidence.py" line="47"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_evidence.py" line="50"/>
        <source>Tick what you have. Attached files are copied into the case folder with a fingerprint (SHA-256) that shows later they were not changed.</source>
        <translation>勾选你已有的材料。附加的文件会复制到案件文件夹，并记录指纹（SHA-256），日后可证明文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_evidence.py" line="54"/>
        <source>Something else you have, e.g. a chat export</source>
        <translation>其他材料，例如导出的聊天记录</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_evidence.py" line="55"/>
        <source>Add to the list</source>
        <translation>加入清单</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_evidence.py" line="57"/>
        <location filename="../../okguard/ui/recovery/page_evidence.py" line="69"/>
        <source>Attach file…</source>
        <translation>附加文件…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_evidence.py" line="103"/>
        <source>Choose the file for: {0}</source>
        <translation>选择文件：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_evidence.py" line="108"/>
        <source>Copying {0}…</source>
        <translation>正在复制 {0}…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_evidence.py" line="120"/>
        <source>File attached and fingerprinted.</source>
        <translation>文件已附加并记录指纹。</translation>
    </message>
</context>
<context>
    <name>LetterPage</name>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="89"/>
        <source>The letter</source>
        <translation>函件</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="92"/>
        <source>A letter to your provider with the payments, what went wrong, what you ask for, the legal basis, the deadlines and your evidence.</source>
        <translation>致机构的函件，包含涉及的付款、问题经过、你的请求、法律依据、期限和证据。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="96"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="97"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="99"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="100"/>
        <source>Word (DOCX)</source>
        <translation>Word（DOCX）</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="101"/>
        <source>Plain text (to paste into a form or chat)</source>
        <translation>纯文本（可粘贴到表单或聊天中）</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="105"/>
        <source>Show account numbers in full (masked by default)</source>
        <translation>显示完整账号（默认隐去部分号码）</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="106"/>
        <source>Your details, as the sender</source>
        <translation>你的信息（寄件人）</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="108"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="109"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="110"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="111"/>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="112"/>
        <source>Your account or card number</source>
        <translation>你的账号或卡号</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="113"/>
        <source>ID number, last 4 digits</source>
        <translation>身份证号后四位</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="117"/>
        <source>Save the letter…</source>
        <translation>保存函件…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="118"/>
        <source>Show as text</source>
        <translation>显示为文本</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="119"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="144"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="145"/>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="146"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="150"/>
        <source>Save the letter</source>
        <translation>保存函件</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="162"/>
        <source>Writing the letter…</source>
        <translation>正在生成函件…</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="184"/>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="186"/>
        <source>Copy the text below into the provider&apos;s form or chat.</source>
        <translation>把下面的文字复制到机构的表单或客服聊天中。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_letter.py" line="191"/>
        <source>The letter text is on the clipboard.</source>
        <translation>函件文字已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>OutcomePage</name>
    <message>
        <location filename="../../okguard/ui/recovery/page_outcome.py" line="76"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_outcome.py" line="78"/>
        <source>Record what came back. The case stays open until you close it here.</source>
        <translation>记录追回的情况。在这里结案之前，案件会一直保持进行中。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_outcome.py" line="81"/>
        <source>These incoming payments look like your money coming back:</source>
        <translation>以下入账看起来是退回给你的钱：</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_outcome.py" line="83"/>
        <source>This is my money back: close the case</source>
        <translation>这就是退回的钱：结案</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_outcome.py" line="85"/>
        <source>Or enter the amount you got back (0 if nothing) and close the case:</source>
        <translation>或填写追回的金额（未追回填 0）并结案：</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_outcome.py" line="88"/>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_outcome.py" line="94"/>
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_outcome.py" line="96"/>
        <source>In question: {0}</source>
        <translation>涉及金额：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_outcome.py" line="98"/>
        <source>Recovered: {0}</source>
        <translation>已追回：{0}</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_outcome.py" line="152"/>
        <source>Enter an amount like 120.50.</source>
        <translation>请输入金额，例如 120.50。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_outcome.py" line="163"/>
        <source>The case is closed.</source>
        <translation>案件已结案。</translation>
    </message>
</context>
<context>
    <name>RecoveryText</name>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="19"/>
        <source>Sent to the wrong recipient</source>
        <translation>转错收款人</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="20"/>
        <source>Charged twice (duplicate)</source>
        <translation>重复扣款</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="21"/>
        <source>Wrong amount</source>
        <translation>金额错误</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="22"/>
        <source>Scam or fraud</source>
        <translation>诈骗</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="23"/>
        <source>Payments I did not make</source>
        <translation>非本人操作的付款</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="24"/>
        <source>System or processing error</source>
        <translation>系统或处理差错</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="27"/>
        <source>Mainland China (incl. Alipay, WeChat Pay)</source>
        <translation>中国大陆（含支付宝、微信支付）</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="28"/>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="29"/>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="30"/>
        <source>European Union / EEA</source>
        <translation>欧盟/欧洲经济区</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="31"/>
        <source>Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="32"/>
        <source>Crypto exchange transfer</source>
        <translation>加密货币交易所转账</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="35"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="36"/>
        <source>Waiting for the provider</source>
        <translation>等待机构答复</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="37"/>
        <source>Escalated</source>
        <translation>已升级投诉</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="38"/>
        <source>Resolved</source>
        <translation>已追回</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="39"/>
        <source>Closed, not recovered</source>
        <translation>已结案，未追回</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="42"/>
        <source>Provider</source>
        <translation>支付机构</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="43"/>
        <source>Recipient</source>
        <translation>收款方</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="44"/>
        <source>Helpline</source>
        <translation>求助热线</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="45"/>
        <source>Regulator</source>
        <translation>监管部门</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="46"/>
        <source>Ombudsman</source>
        <translation>金融调解机构</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="47"/>
        <source>Police</source>
        <translation>公安机关</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="48"/>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="51"/>
        <source>You</source>
        <translation>你本人</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="52"/>
        <source>The provider</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="55"/>
        <source>Contact</source>
        <translation>联系</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="56"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="57"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="58"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="59"/>
        <location filename="../../okguard/ui/recovery/texts.py" line="76"/>
        <source>Letter</source>
        <translation>函件</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="60"/>
        <source>Escalation</source>
        <translation>升级投诉</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="63"/>
        <source>Starts at the statement date: enter it above</source>
        <translation>自账单日起算：请在上方填写</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="66"/>
        <source>Starts when you first tell the provider</source>
        <translation>自你首次告知机构之日起算</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="69"/>
        <source>Starts at the payment date</source>
        <translation>自付款日起算</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="73"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="74"/>
        <source>In-app chat</source>
        <translation>App 在线客服</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="75"/>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="77"/>
        <source>Branch visit</source>
        <translation>到网点办理</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="78"/>
        <source>Web form</source>
        <translation>网页表单</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="97"/>
        <source>unverified</source>
        <translation>未核实</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="106"/>
        <source>Due today</source>
        <translation>今天截止</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="108"/>
        <source>1 day left</source>
        <translation>还剩 1 天</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="110"/>
        <source>1 day overdue</source>
        <translation>已逾期 1 天</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="112"/>
        <source>{0} days overdue</source>
        <translation>已逾期 {0} 天</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/texts.py" line="113"/>
        <source>{0} days left</source>
        <translation>还剩 {0} 天</translation>
    </message>
</context>
<context>
    <name>ScriptBox</name>
    <message>
        <location filename="../../okguard/ui/recovery/base.py" line="96"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>TransactionsPage</name>
    <message>
        <location filename="../../okguard/ui/recovery/page_transactions.py" line="97"/>
        <source>The payments concerned</source>
        <translation>涉及的付款</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_transactions.py" line="99"/>
        <source>These are the payments you want back. Add or remove payments as needed.</source>
        <translation>这些是你想追回的付款。可以按需添加或移除。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_transactions.py" line="101"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_transactions.py" line="101"/>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_transactions.py" line="101"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_transactions.py" line="101"/>
        <source>Transaction ID</source>
        <translation>交易单号</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_transactions.py" line="104"/>
        <source>In this case</source>
        <translation>本案涉及</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_transactions.py" line="105"/>
        <source>Remove from the case</source>
        <translation>从案件中移除</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_transactions.py" line="106"/>
        <source>Recent transactions</source>
        <translation>最近的交易</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_transactions.py" line="107"/>
        <source>Search payee, memo or transaction ID</source>
        <translation>搜索收款方、备注或交易单号</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_transactions.py" line="108"/>
        <source>Add to the case</source>
        <translation>加入案件</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_transactions.py" line="116"/>
        <source>Amount in question: {0}</source>
        <translation>涉及金额：{0}</translation>
    </message>
</context>
<context>
    <name>UrgentPage</name>
    <message>
        <location filename="../../okguard/ui/recovery/page_urgent.py" line="41"/>
        <source>Do these first</source>
        <translation>先做这几件事</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_urgent.py" line="43"/>
        <source>The first hours count most. Tick each move once you have done it.</source>
        <translation>最初几个小时最关键。每完成一项就勾选一项。</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_urgent.py" line="45"/>
        <source>What happened?</source>
        <translation>发生了什么？</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_urgent.py" line="49"/>
        <source>Urgent first moves</source>
        <translation>紧急措施</translation>
    </message>
    <message>
        <location filename="../../okguard/ui/recovery/page_urgent.py" line="50"/>
        <source>After that</source>
        <translation>之后</translation>
    </message>
</context>
</TS>
