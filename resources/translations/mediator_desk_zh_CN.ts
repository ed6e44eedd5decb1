<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementTab</name>
    <message>
        <source>New agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplementary agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content of the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term (one per row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. paid in cash in one sum at the committee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in yuan, e.g. 12000 or 1.2万</source>
        <translation type="unfinished">单位：元，例如 12000 或 1.2万</translation>
    </message>
    <message>
        <source>others, separated by 、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main facts and matters in dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it is performed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">取消</translation>
    </message>
    <message>
        <source>Type the terms exactly as the parties agreed them; nothing is filled in for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scan chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose scan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan of the signed copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing is not signing. A written agreement takes effect on the day every party, the mediator and the committee seal have completed it (Art. 29): record that day here, with a scan of the signed copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judicial confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the basic people&apos;s court of the county</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. (2026) Inner Mongolia 0421 civil special No. 12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the court&apos;s decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplementary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New agreement (the number is given when it is recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplementary agreement to {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agreement recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplementary agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement {no} — {kind} — {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided on {day}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An agreement in force cannot be changed: correct it with a supplementary agreement, or void it with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the supplementary agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished">保存修改</translation>
    </message>
    <message>
        <source>Confirmed by a court: it cannot be voided here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed on {signed}; in force since {day} (Art. 29).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oral agreement: in force since the day it was reached, {day} (Art. 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judicial confirmation applies to written agreements only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judicial confirmation applied for on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judicial confirmation (Art. 33): the parties may apply together from {start} to {end} — {left}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied on {day} to {court}: {result}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (decided on {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, court case number {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parties apply together to the court within 30 days of the agreement taking effect; a confirmed agreement can be enforced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 30-day window closed on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: {n} (each party and the committee)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An oral agreement takes effect on the day it is reached (Art. 30) and cannot be changed afterwards. Record it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished">正在保存…</translation>
    </message>
    <message>
        <source>Scan of the signed agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the signing without a scan of the signed copy?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Mediation desk</source>
        <translation>人民调解工作台</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <source>Archive the case file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After archiving, the case can be viewed and printed but no longer changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished">（请选择）</translation>
    </message>
    <message>
        <source>Volume title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose the retention period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive this case now? It can no longer be changed afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Add files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose files and add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the files are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attachments yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case as a whole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Party {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investigation record {no} ({day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mediation record {no} ({day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up visit of {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judicial confirmation ({court})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF or images ({types}), at most {mb} MB each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belongs to: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is missing from the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} attachment file(s) are missing from the data folder: {names}. Copy them back from a backup, or add the scans again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan of a signed agreement proves that it took effect: it stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add scans, photos or PDFs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file of “{name}” is missing from the data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open “{name}”: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the attachment “{name}”? This is recorded in the history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <source>Batch printing</source>
        <translation>批量打印</translation>
    </message>
    <message>
        <source>{n} case(s) selected: {cases}</source>
        <translation>已选 {n} 件案件：{cases}</translation>
    </message>
    <message>
        <source>PDF (to print)</source>
        <translation>PDF（用于打印）</translation>
    </message>
    <message>
        <source>Word (DOCX, to edit)</source>
        <translation>Word（DOCX，可修改）</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>文书(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>格式(&amp;F)</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Why it was skipped</source>
        <translation>未打印的原因</translation>
    </message>
    <message>
        <source>&amp;Prepare</source>
        <translation>生成(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Preparing {n} document(s)…</source>
        <translation>正在生成 {n} 件案件的文书…</translation>
    </message>
    <message>
        <source>Ready: {n} case(s).</source>
        <translation>已生成：{n} 件案件。</translation>
    </message>
    <message>
        <source>{n} case(s) skipped, listed below.</source>
        <translation>另有 {n} 件案件未能打印，见下表。</translation>
    </message>
    <message>
        <source>Nothing to print</source>
        <translation>没有可打印的内容</translation>
    </message>
    <message>
        <source>Cancelled; nothing was printed.</source>
        <translation>已取消，未打印任何内容。</translation>
    </message>
    <message>
        <source>{label} ({n} cases)</source>
        <translation>{label}（{n}件）</translation>
    </message>
    <message>
        <source>Save the batch</source>
        <translation>保存批量打印文件</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Sent to the printer ({n} page(s)).</source>
        <translation>已送往打印机（共 {n} 页）。</translation>
    </message>
    <message>
        <source>Select the cases to print in the list first (hold Ctrl or Shift to select several).</source>
        <translation>请先在案件列表中选中要打印的案件（按住 Ctrl 或 Shift 键可选多件）。</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>e.g. 2026-11-28</source>
        <translation>例如 2026-11-28</translation>
    </message>
    <message>
        <source>court, police station or office that referred it</source>
        <translation>委派或移送的法院、派出所或部门</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>in yuan, e.g. 12000 or 1.2万</source>
        <translation>单位：元，例如 12000 或 1.2万</translation>
    </message>
    <message>
        <source>Risk of &amp;escalation</source>
        <translation>有激化风险(&amp;E)</translation>
    </message>
    <message>
        <source>what could escalate, and what was done</source>
        <translation>可能激化的情况及已采取的措施</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>登记信息</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>受理日期(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>案件来源(&amp;S)</translation>
    </message>
    <message>
        <source>Referred &amp;by</source>
        <translation>移送单位(&amp;B)</translation>
    </message>
    <message>
        <source>Dispute &amp;type</source>
        <translation>纠纷类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Mediators</source>
        <translation>调解员(&amp;M)</translation>
    </message>
    <message>
        <source>The first ticked mediator leads.</source>
        <translation>勾选的第一位调解员为主调解员。</translation>
    </message>
    <message>
        <source>The dispute</source>
        <translation>纠纷情况</translation>
    </message>
    <message>
        <source>Brief &amp;facts</source>
        <translation>简要情况(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Claims</source>
        <translation>申请事项(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>发生地点(&amp;P)</translation>
    </message>
    <message>
        <source>People &amp;involved</source>
        <translation>涉及人数(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Amount (yuan)</source>
        <translation>涉及金额（元）(&amp;A)</translation>
    </message>
    <message>
        <source>Risk &amp;note</source>
        <translation>风险说明(&amp;N)</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>A&amp;dd party…</source>
        <translation>添加当事人(&amp;D)…</translation>
    </message>
    <message>
        <source>Edit part&amp;y…</source>
        <translation>修改当事人(&amp;Y)…</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Register case</source>
        <translation>登记案件</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Remo&amp;ve party</source>
        <translation>删除当事人(&amp;V)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Remove party {name} from this case?</source>
        <translation>确定要从本案中删除当事人“{name}”吗？</translation>
    </message>
    <message>
        <source>received date</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <source>Please choose the dispute type</source>
        <translation>请选择纠纷类型</translation>
    </message>
    <message>
        <source>Please describe the dispute briefly</source>
        <translation>请填写纠纷简要情况</translation>
    </message>
    <message>
        <source>Please add at least one party</source>
        <translation>请至少添加一名当事人</translation>
    </message>
    <message>
        <source>Registering the case…</source>
        <translation>正在登记案件…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>CaseFileTab</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the case file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One case, one file: the documents in the order of the Ministry of Justice&apos;s table of contents. Required items must be present before the file is archived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} record(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} scan(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing required items: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every required item is in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived on {day} by {who}; retention {retention}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume: {title}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A closed case (agreement in force or performed, mediation ended, withdrawn or refused) is archived once its file is complete. Afterwards it can no longer be changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>调委会</translation>
    </message>
    <message>
        <source>Escalation risk</source>
        <translation>有激化风险</translation>
    </message>
</context>
<context>
    <name>CasePath</name>
    <message>
        <source>Archived on {day} by {who} (retention: {retention}). This case can be viewed but no longer changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is archived: it can be viewed but no longer changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTabs</name>
    <message>
        <source>Acceptance and records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome and risks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance and follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <source>Case and parties</source>
        <translation>案件与当事人</translation>
    </message>
    <message>
        <source>Register a new case</source>
        <translation>登记新案件</translation>
    </message>
    <message>
        <source>This case has unsaved changes. Close without saving?</source>
        <translation>本案有尚未保存的修改。不保存就关闭吗？</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>不保存，关闭</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>DeskRunner</name>
    <message>
        <source>Working, please wait…</source>
        <translation>正在处理，请稍候…</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save as &amp;Word…</source>
        <translation>另存为 Word(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>{n} page(s)</source>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Sent to the printer ({n} page(s)).</source>
        <translation>已送往打印机（共 {n} 页）。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Save as Word document</source>
        <translation>另存为 Word 文档</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>{label} (blank)</source>
        <translation>{label}（空白）</translation>
    </message>
    <message>
        <source>Preparing the blank form…</source>
        <translation>正在生成空白文书…</translation>
    </message>
</context>
<context>
    <name>DocumentsMenu</name>
    <message>
        <source>&amp;Documents</source>
        <translation>文书(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Batch print selected cases…</source>
        <translation>批量打印所选案件(&amp;B)…</translation>
    </message>
    <message>
        <source>B&amp;lank forms</source>
        <translation>空白文书(&amp;L)</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Whole case file (all documents)</source>
        <translation>整本卷宗（全部文书）</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>文书(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>哪一份(&amp;R)</translation>
    </message>
    <message>
        <source>B&amp;lank form (to fill in by hand)</source>
        <translation>空白文书（现场手写用）(&amp;L)</translation>
    </message>
    <message>
        <source>Only the committee name is printed; for field work</source>
        <translation>只印调委会名称，供现场手工填写</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the document shown (Ctrl+P)</source>
        <translation>打印右边显示的文书（Ctrl+P）</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save as &amp;Word…</source>
        <translation>另存为 Word(&amp;W)…</translation>
    </message>
    <message>
        <source>A DOCX file with the same content, to edit in Word or WPS</source>
        <translation>内容相同的 DOCX 文件，可在 Word 或 WPS 中修改</translation>
    </message>
    <message>
        <source>Print bla&amp;nk form…</source>
        <translation>打印空白文书(&amp;N)…</translation>
    </message>
    <message>
        <source>Print the chosen form blank, to fill in by hand</source>
        <translation>打印所选文书的空白表，供手工填写</translation>
    </message>
    <message>
        <source>Print &amp;whole case file…</source>
        <translation>打印整本卷宗(&amp;W)…</translation>
    </message>
    <message>
        <source>Cover, table of contents, every document and the attached scans, as one file</source>
        <translation>封面、卷内目录、全部文书和附件扫描件，合成一个文件</translation>
    </message>
    <message>
        <source>{date}, {person} questioned</source>
        <translation>{date}&#x3000;调查{person}</translation>
    </message>
    <message>
        <source>Session {no}, {date}</source>
        <translation>第{no}次调解&#x3000;{date}</translation>
    </message>
    <message>
        <source>Visit on {date}, {person}</source>
        <translation>{date}&#x3000;回访{person}</translation>
    </message>
    <message>
        <source>Supplementary agreement {no}, {date}</source>
        <translation>补充协议 {no}&#x3000;{date}</translation>
    </message>
    <message>
        <source>Agreement {no}, {date}</source>
        <translation>协议 {no}&#x3000;{date}</translation>
    </message>
    <message>
        <source>All {n}, one after another</source>
        <translation>全部 {n} 份，依次打印</translation>
    </message>
    <message>
        <source>{label} ({n})</source>
        <translation>{label}（{n}份）</translation>
    </message>
    <message>
        <source>{label} (none yet)</source>
        <translation>{label}（暂无）</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <source>Putting the case file together…</source>
        <translation>正在组卷…</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>正在生成文书…</translation>
    </message>
    <message>
        <source>{n} page(s)</source>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>不能打印</translation>
    </message>
    <message>
        <source>Cancelled. Choose the case file again to put it together.</source>
        <translation>已取消。要组卷请重新选择“整本卷宗”。</translation>
    </message>
    <message>
        <source>Whole case file</source>
        <translation>整本卷宗</translation>
    </message>
    <message>
        <source>{label} (blank)</source>
        <translation>{label}（空白）</translation>
    </message>
    <message>
        <source>{case_no} case file</source>
        <translation>{case_no} 卷宗</translation>
    </message>
    <message>
        <source>Sent to the printer ({n} page(s)).</source>
        <translation>已送往打印机（共 {n} 页）。</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Save as Word document</source>
        <translation>另存为 Word 文档</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Scans and photos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Edit follow-up visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New follow-up visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visited on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Party visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. check that the agreement was performed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not asked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A party has gone to court since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the lawsuit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs that the mediation was wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation or hidden risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agreement is in force</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpTab</name>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no proof chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose proof…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt, a transfer slip … (PDF or image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proof</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proof of performance on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the default day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the visit day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Party visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add follow-up visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplementary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance and follow-up visits start when an agreement is in force (a written agreement once it is signed; an oral one on the day it is reached).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lawsuit: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signs of wrong mediation: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalation risk: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agreement is in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (checked on {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To be performed by {day}; method: {method}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (file missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit planned for {day}; visited on {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit planned for {day} — {left}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(day set by the mediator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the default: days after the performance deadline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visit planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proof of performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished">正在保存…</translation>
    </message>
    <message>
        <source>Delete the follow-up visit of {day}? This is recorded in the history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing recorded for this case yet (sample cases are generated in bulk, without a history of their own).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change is recorded with the user and the time; nothing can be changed without leaving a trace here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InvestigationDialog</name>
    <message>
        <source>Edit investigation record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New investigation record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 14:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 15:10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names separated by 、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investigators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>others, separated by 、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Mediation desk</source>
        <translation>人民调解工作台</translation>
    </message>
    <message>
        <source>Case number, party name, pinyin initials (zs), ID or phone digits, facts…</source>
        <translation>案件编号、当事人姓名、拼音首字母（如 zs）、身份证号或电话片段、案情…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Register a new dispute (Ctrl+N)</source>
        <translation>登记一起新纠纷（Ctrl+N）</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年度(&amp;Y)</translation>
    </message>
    <message>
        <source>Ty&amp;pe</source>
        <translation>类型(&amp;P)</translation>
    </message>
    <message>
        <source>Co&amp;mmittee</source>
        <translation>调委会(&amp;M)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Nothing due.</source>
        <translation>暂无到期事项。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open selected case</source>
        <translation>打开所选案件(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;To-do panel</source>
        <translation>待办事项面板(&amp;T)</translation>
    </message>
    <message>
        <source>Mediation desk — {committee}</source>
        <translation>人民调解工作台 — {committee}</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>All committees</source>
        <translation>全部调委会</translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation>共 {n} 件</translation>
    </message>
    <message>
        <source>{n} cases found</source>
        <translation>找到 {n} 件</translation>
    </message>
</context>
<context>
    <name>MediationDialog</name>
    <message>
        <source>Edit mediation record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New mediation record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 14:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 15:10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>others, separated by 、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parties present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relatives, experts … (not mediators, parties or the recorder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parties were told their rights and duties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each side said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result in detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other routes explained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. told both parties they may sue at the county court or apply for arbitration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediationTab</name>
    <message>
        <source>Acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept: the parties consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice of rights and duties was given to the parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished">（请选择）</translation>
    </message>
    <message>
        <source>which court, police or office, or why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the parties consented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rights notice given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that the notice of rights and duties was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investigation records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investigators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add investigation record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mediation records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parties present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add mediation record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not decided yet. Accept the case when the parties agree to mediation; refuse it when a party clearly refuses (Art. 17), it is outside people&apos;s mediation, or a court, the police or an administrative body already handles it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted on {day} ({how}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice of rights and duties given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice of rights and duties not yet recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused on {day}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is no longer waiting for a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished">正在保存…</translation>
    </message>
    <message>
        <source>Refuse this case? A refused case stays on record but cannot be mediated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete investigation record {no} ({day})? This is recorded in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete mediation record {no} ({day})? This is recorded in the history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>An unexpected error occurred: {error}</source>
        <translation>程序出现意外错误：{error}</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>OutcomeTab</name>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the parties reached an agreement, record it (written or oral) on the Agreement tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End without agreement, or withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mediation ended without agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parties withdrew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. told both parties they may sue at the county court or apply for arbitration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other routes explained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mediation is voluntary: when it fails, end it and tell the parties which other routes they have (court, arbitration, administrative bodies; Art. 26).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation risks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report to the police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prevented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag a risk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report to the police…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as prevented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If a dispute may turn criminal or lead to a group petition or a group fight, take preventive steps and report it to the police promptly (Art. 25).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{outcome} ({day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No outcome yet: the case is still open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes explained: {routes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}, to {recipient}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the mediation without agreement? The case is then closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that the parties withdrew? The case is then closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished">正在保存…</translation>
    </message>
    <message>
        <source>Delete the risk “{kind}” flagged by mistake?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>Edit party</source>
        <translation>修改当事人</translation>
    </message>
    <message>
        <source>Add party</source>
        <translation>添加当事人</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>e.g. 1965-03-08</source>
        <translation>例如 1965-03-08</translation>
    </message>
    <message>
        <source>if the birth date is unknown</source>
        <translation>不知道出生日期时填写</translation>
    </message>
    <message>
        <source>18 characters; fills in birth date and sex</source>
        <translation>18位，自动填出生日期和性别</translation>
    </message>
    <message>
        <source>mobile, or landline with area code</source>
        <translation>手机号，或带区号的座机</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>身份(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>ID &amp;type</source>
        <translation>证件类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>证件号码(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>性别(&amp;S)</translation>
    </message>
    <message>
        <source>Ethni&amp;city</source>
        <translation>民族(&amp;C)</translation>
    </message>
    <message>
        <source>Representative&apos;s post (&amp;M)</source>
        <translation>代表人职务(&amp;M)</translation>
    </message>
    <message>
        <source>Relation to the party (&amp;U)</source>
        <translation>与当事人关系(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>出生日期(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Age</source>
        <translation>年龄(&amp;A)</translation>
    </message>
    <message>
        <source>Contact and work</source>
        <translation>联系方式与工作</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>住址(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Occupation</source>
        <translation>职业(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>工作单位(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Legal representative</source>
        <translation>法定代表人(&amp;L)</translation>
    </message>
    <message>
        <source>Agent (if any)</source>
        <translation>委托代理人（如有）</translation>
    </message>
    <message>
        <source>A&amp;gent</source>
        <translation>代理人姓名(&amp;G)</translation>
    </message>
    <message>
        <source>Agent&apos;s p&amp;hone</source>
        <translation>代理人电话(&amp;H)</translation>
    </message>
    <message>
        <source>Earlier cases of this person (repeat dispute?)</source>
        <translation>此人以前的案件（是否重复纠纷？）</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Organisation &amp;name</source>
        <translation>单位名称(&amp;N)</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Age must be a whole number from 0 to 149</source>
        <translation>年龄应为0到149之间的整数</translation>
    </message>
    <message>
        <source>This person appears in {n} earlier case(s). Repeat disputes can escalate: check the earlier outcome.</source>
        <translation>此人在以前的 {n} 件案件中出现过。重复纠纷容易激化，请查看以前的处理结果。</translation>
    </message>
    <message>
        <source>Please enter the name</source>
        <translation>请填写姓名或名称</translation>
    </message>
</context>
<context>
    <name>PathTab</name>
    <message>
        <source>e.g. 2026-11-28</source>
        <translation type="unfinished">例如 2026-11-28</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Show the &amp;blank form instead</source>
        <translation>改看空白文书(&amp;B)</translation>
    </message>
    <message>
        <source>A blank form with the committee name, for filling in by hand</source>
        <translation>只印调委会名称的空白文书，供手工填写</translation>
    </message>
    <message>
        <source>The document could not be displayed.</source>
        <translation>无法显示该文书。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>OK</source>
        <translation type="unfinished">确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">取消</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report to the police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk: {kind} (found on {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>police station and officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <source>Flag an escalation risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People involved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Add row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up the mediation desk</source>
        <translation>设置人民调解工作台</translation>
    </message>
    <message>
        <source>Welcome. Before the first case, tell the desk which mediation committee it works for and who is using it.</source>
        <translation>欢迎使用。登记第一起案件之前，请填写本机所属的人民调解委员会和当前使用的调解员。</translation>
    </message>
    <message>
        <source>e.g. 红旗嘎查人民调解委员会</source>
        <translation>例如 红旗嘎查人民调解委员会</translation>
    </message>
    <message>
        <source>e.g. 巴彦塔拉苏木</source>
        <translation>例如 巴彦塔拉苏木</translation>
    </message>
    <message>
        <source>e.g. 阿鲁科尔沁旗</source>
        <translation>例如 阿鲁科尔沁旗</translation>
    </message>
    <message>
        <source>used in case numbers, e.g. 红旗</source>
        <translation>用于案件编号，例如 红旗</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>mobile, or landline with area code</source>
        <translation>手机号，或带区号的座机</translation>
    </message>
    <message>
        <source>Instead, just try the desk &amp;out on made-up sample cases</source>
        <translation>不填以上内容，先用虚构的示例案件试用(&amp;O)</translation>
    </message>
    <message>
        <source>Fills this new database with a made-up township, its mediators and cases. Sample data never mixes with real records: for real work, start a new database.</source>
        <translation>在这个新数据库中生成一个虚构的乡镇及其调解员和案件。示例数据不会与真实记录混在一起：正式使用时请另建一个新数据库。</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>调解委员会</translation>
    </message>
    <message>
        <source>Committee &amp;name</source>
        <translation>调委会名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>级别(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Township (sumu)</source>
        <translation>所属乡镇（苏木）(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;County (banner)</source>
        <translation>所属旗县区(&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;hort name</source>
        <translation>简称(&amp;H)</translation>
    </message>
    <message>
        <source>Current mediator</source>
        <translation>当前调解员</translation>
    </message>
    <message>
        <source>Your na&amp;me</source>
        <translation>您的姓名(&amp;M)</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>性别(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始使用(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sample data is not available in this version.</source>
        <translation>此版本没有示例数据。</translation>
    </message>
    <message>
        <source>Case numbers will look like {number}</source>
        <translation>案件编号样式：{number}</translation>
    </message>
    <message>
        <source>Building sample cases…</source>
        <translation>正在生成示例案件…</translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation>正在设置…</translation>
    </message>
</context>
<context>
    <name>TodoPanel</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the to-do list again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The to-do list could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} items due on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} ({n})</source>
        <translation type="unfinished">{label}（{n}份）</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click an item (or press Enter) to open its case.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void agreement {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A voided agreement keeps its number and stays on record. Voiding the main agreement sends the case back to mediation (mediate again, or end it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
