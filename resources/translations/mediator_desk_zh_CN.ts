<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementTab</name>
    <message>
        <source>New agreement</source>
        <translation>新协议</translation>
    </message>
    <message>
        <source>Supplementary agreement</source>
        <translation>补充协议</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Content of the agreement</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <source>Term (one per row)</source>
        <translation>协议条款（每行一条）</translation>
    </message>
    <message>
        <source>e.g. paid in cash in one sum at the committee</source>
        <translation>例如：在调委会一次性现金支付</translation>
    </message>
    <message>
        <source>e.g. 2026-11-28 or 一个月内</source>
        <translation>如 2026-11-28 或 一个月内</translation>
    </message>
    <message>
        <source>A date, or a period from the agreement date: 15日内, 一个月内, 三个月内, 半年内 (a month ends on the same day of the next month, or its last day)</source>
        <translation>填日期，或自达成协议之日起的期限：15日内、一个月内、三个月内、半年内（一个月到下月同一日，无此日的到该月最后一日）</translation>
    </message>
    <message>
        <source>in yuan, e.g. 12000 or 1.2万</source>
        <translation>单位元，例如 12000 或 1.2万</translation>
    </message>
    <message>
        <source>others, separated by 、</source>
        <translation>其他人，用“、”分隔</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>协议形式</translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation>达成日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Main facts and matters in dispute</source>
        <translation>纠纷主要事实、争议事项</translation>
    </message>
    <message>
        <source>Agreed terms</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <source>How it is performed</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>协议金额（元）</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation>人民调解员</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Type the terms exactly as the parties agreed them; nothing is filled in for you.</source>
        <translation>请按当事人实际达成的内容逐条填写；软件不会替您填写任何条款。</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>no scan chosen</source>
        <translation>尚未选择扫描件</translation>
    </message>
    <message>
        <source>Choose scan…</source>
        <translation>选择扫描件…</translation>
    </message>
    <message>
        <source>Record signing</source>
        <translation>登记签字</translation>
    </message>
    <message>
        <source>the day every party signed</source>
        <translation>各方当事人签字之日</translation>
    </message>
    <message>
        <source>The parties signed on different days</source>
        <translation>各方当事人不是同一天签字</translation>
    </message>
    <message>
        <source>same day</source>
        <translation>与签字同日</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签字日期</translation>
    </message>
    <message>
        <source>Committee seal on</source>
        <translation>调委会盖章日期</translation>
    </message>
    <message>
        <source>Scan of the signed copy</source>
        <translation>签字件扫描件</translation>
    </message>
    <message>
        <source>Printing is not signing. A written agreement takes effect on the day every party, the mediator and the committee seal have completed it (Art. 29): record each party&apos;s signing date and the seal date here, with a scan of the signed copy.</source>
        <translation>打印不等于签字。调解协议书自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（第二十九条）：请在此登记各方当事人的签字日期和盖章日期，并附签字文本的扫描件。</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>协议生效</translation>
    </message>
    <message>
        <source>Judicial confirmation</source>
        <translation>司法确认</translation>
    </message>
    <message>
        <source>e.g. the basic people&apos;s court of the county</source>
        <translation>例如：本旗（县）人民法院</translation>
    </message>
    <message>
        <source>Record the application</source>
        <translation>登记申请</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>受理法院</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>e.g. (2026) Inner Mongolia 0421 civil special No. 12</source>
        <translation>例如：（2026）内0421民特12号</translation>
    </message>
    <message>
        <source>Record the court&apos;s decision</source>
        <translation>登记法院裁定</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>确认结果</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>裁定日期</translation>
    </message>
    <message>
        <source>Court case number</source>
        <translation>法院案号</translation>
    </message>
    <message>
        <source>Supplementary</source>
        <translation>补充协议</translation>
    </message>
    <message>
        <source>New agreement (the number is given when it is recorded)</source>
        <translation>新协议（登记后自动编号）</translation>
    </message>
    <message>
        <source>Supplementary agreement to {no}</source>
        <translation>协议{no}的补充协议</translation>
    </message>
    <message>
        <source>No agreement recorded</source>
        <translation>尚未登记调解协议</translation>
    </message>
    <message>
        <source>supplementary agreement</source>
        <translation>补充协议</translation>
    </message>
    <message>
        <source>Agreement {no} — {kind} — {state}</source>
        <translation>协议{no}&#x3000;{kind}&#x3000;{state}</translation>
    </message>
    <message>
        <source>Voided on {day}: {reason}</source>
        <translation>已于{day}作废：{reason}</translation>
    </message>
    <message>
        <source>An agreement in force binds and can be neither changed nor voided: correct it with a supplementary agreement; record non-performance in the tab Performance and follow-up.</source>
        <translation>已生效的协议对当事人具有法律约束力，不能修改，也不能作废：如需更正，请订立补充协议；当事人不履行的，请在“履行与回访”中登记履行情况。</translation>
    </message>
    <message>
        <source>Record the agreement</source>
        <translation>登记协议</translation>
    </message>
    <message>
        <source>Record the supplementary agreement</source>
        <translation>登记补充协议</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Signed on {signed}; in force since {day} (Art. 29).</source>
        <translation>{signed}签字，自{day}起生效（第二十九条）。</translation>
    </message>
    <message>
        <source>Oral agreement: in force since the day it was reached, {day} (Art. 30).</source>
        <translation>口头协议：自达成之日（{day}）起生效（第三十条）。</translation>
    </message>
    <message>
        <source>{name} signed on {day}</source>
        <translation>{name}于{day}签字</translation>
    </message>
    <message>
        <source>Committee seal on {day}</source>
        <translation>人民调解委员会于{day}盖章</translation>
    </message>
    <message>
        <source>Judicial confirmation applies to written agreements only.</source>
        <translation>司法确认只适用于书面调解协议。</translation>
    </message>
    <message>
        <source>Judicial confirmation applied for on {day}.</source>
        <translation>已于{day}申请司法确认。</translation>
    </message>
    <message>
        <source>Judicial confirmation (Art. 33): the parties may apply together from {start} to {end} — {left}.</source>
        <translation>司法确认（第三十三条）：双方当事人可在{start}至{end}期间共同申请——{left}。</translation>
    </message>
    <message>
        <source>Applied on {day} to {court}: {result}</source>
        <translation>{day}向{court}申请：{result}</translation>
    </message>
    <message>
        <source> (decided on {day})</source>
        <translation>（{day}裁定）</translation>
    </message>
    <message>
        <source>, court case number {no}</source>
        <translation>，案号{no}</translation>
    </message>
    <message>
        <source>The parties apply together to the court within 30 days of the agreement taking effect; a confirmed agreement can be enforced.</source>
        <translation>双方当事人自协议生效之日起30日内共同向人民法院申请；经确认的协议可以申请强制执行。</translation>
    </message>
    <message>
        <source>The 30-day window closed on {day}. Record an application only if the parties applied by then.</source>
        <translation>30日的申请期限已于{day}届满。只有当事人在此之前已经申请的，才在此登记。</translation>
    </message>
    <message>
        <source>default: {n} (each party and the committee)</source>
        <translation>默认{n}份（当事人各一份，调委会一份）</translation>
    </message>
    <message>
        <source>same as above</source>
        <translation>同上</translation>
    </message>
    <message>
        <source>In force from the day of the last signature or seal.</source>
        <translation>自最后一方签字/盖章之日起生效。</translation>
    </message>
    <message>
        <source>In force from {year}-{month}-{day} (the day of the last signature or seal)</source>
        <translation>自{year}年{month}月{day}日起生效（最后一方签字/盖章之日）</translation>
    </message>
    <message>
        <source>counted from the agreement date: type it first</source>
        <translation>自达成协议日期起算：请先填写达成协议日期</translation>
    </message>
    <message>
        <source>= {date} (counted from the agreement date {start})</source>
        <translation>即 {date}（自达成协议日期 {start} 起算）</translation>
    </message>
    <message>
        <source>An oral agreement takes effect on the day it is reached (Art. 30) and cannot be changed afterwards. Record it?</source>
        <translation>口头协议自达成之日起生效（第三十条），登记后不能修改。确定登记吗？</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Scan of the signed agreement</source>
        <translation>已签字协议的扫描件</translation>
    </message>
    <message>
        <source>Record the signing without a scan of the signed copy?</source>
        <translation>没有签字件扫描件，仍然登记签字吗？</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print this agreement (preview in the tab Documents)</source>
        <translation>打印本协议书（在“文书”页预览）</translation>
    </message>
    <message>
        <source>Fill in from the brief facts and the mediation record</source>
        <translation>用简要情况和调解记录填写</translation>
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
    <message>
        <source>This database is already open in another Mediation desk window, which has been brought to the front. Please go on working there: one database is used in one window at a time, so that no record is overwritten.</source>
        <translation>这个数据库已经在另一个调解工作台窗口中打开，已把那个窗口切换到最前面。请在那个窗口中继续工作：同一个数据库同时只能在一个窗口中使用，以免记录被覆盖。</translation>
    </message>
    <message>
        <source>This database is already open in another Mediation desk window (program {pid} on the computer {host}). Please use that window, or close it and start again: one database is used in one window at a time, so that no record is overwritten.</source>
        <translation>这个数据库已经在另一个调解工作台窗口中打开（计算机 {host} 上的程序 {pid}）。请使用那个窗口，或把它关闭后再启动：同一个数据库同时只能在一个窗口中使用，以免记录被覆盖。</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>已经打开</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <source>Archive the case file</source>
        <translation>立卷归档</translation>
    </message>
    <message>
        <source>After archiving, the case can be viewed and printed but no longer changed.</source>
        <translation>立卷归档后，案件只能查看和打印，不能再修改。</translation>
    </message>
    <message>
        <source>Filed by</source>
        <translation>立卷人</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>立卷日期</translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Volume title</source>
        <translation>卷名</translation>
    </message>
    <message>
        <source>File note</source>
        <translation>卷宗情况说明</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Please choose the retention period</source>
        <translation>请选择保管期限</translation>
    </message>
    <message>
        <source>Archive this case now? It can no longer be changed afterwards.</source>
        <translation>现在立卷归档吗？归档后案件不能再修改。</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Add files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Choose files and add…</source>
        <translation>选择文件并添加…</translation>
    </message>
    <message>
        <source>What the files are</source>
        <translation>附件类别</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>所属记录</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No attachments yet.</source>
        <translation>还没有附件。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>the case as a whole</source>
        <translation>整个案件</translation>
    </message>
    <message>
        <source>Party {name}</source>
        <translation>当事人 {name}</translation>
    </message>
    <message>
        <source>Investigation record {no} ({day})</source>
        <translation>调查记录{no}（{day}）</translation>
    </message>
    <message>
        <source>Mediation record {no} ({day})</source>
        <translation>调解记录{no}（{day}）</translation>
    </message>
    <message>
        <source>Agreement {no}</source>
        <translation>调解协议{no}</translation>
    </message>
    <message>
        <source>Follow-up visit of {day}</source>
        <translation>{day}的回访</translation>
    </message>
    <message>
        <source>Judicial confirmation ({court})</source>
        <translation>司法确认（{court}）</translation>
    </message>
    <message>
        <source>Scans or photos, at most {mb} MB each.</source>
        <translation>扫描件或照片，每个文件不超过{mb} MB。</translation>
    </message>
    <message>
        <source>Belongs to: {what}</source>
        <translation>所属：{what}</translation>
    </message>
    <message>
        <source>The file is missing from the data folder</source>
        <translation>数据文件夹中找不到该文件</translation>
    </message>
    <message>
        <source>{n} attachment file(s) are missing from the data folder: {names}. Copy them back from a backup, or add the scans again.</source>
        <translation>数据文件夹中缺少{n}个附件文件：{names}。请从备份中复制回来，或重新添加扫描件。</translation>
    </message>
    <message>
        <source>Choose an attachment</source>
        <translation>请先选择一个附件</translation>
    </message>
    <message>
        <source>The scan of a signed agreement proves that it took effect: it stays</source>
        <translation>已签字协议的扫描件是协议生效的凭据，不能删除</translation>
    </message>
    <message>
        <source>Add scans, photos or PDFs</source>
        <translation>添加扫描件、照片或PDF文件</translation>
    </message>
    <message>
        <source>Adding files…</source>
        <translation>正在添加附件…</translation>
    </message>
    <message>
        <source>The file of “{name}” is missing from the data folder.</source>
        <translation>数据文件夹中找不到附件“{name}”的文件。</translation>
    </message>
    <message>
        <source>Cannot open “{name}”: {error}</source>
        <translation>无法打开“{name}”：{error}</translation>
    </message>
    <message>
        <source>Delete the attachment “{name}”? This is recorded in the history.</source>
        <translation>删除附件“{name}”吗？删除操作会记入操作记录。</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Backup reminder</source>
        <translation>备份提醒</translation>
    </message>
    <message>
        <source>Backing up… {pct}%</source>
        <translation>正在备份…… {pct}%</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份……</translation>
    </message>
    <message>
        <source>Backup made at {when}.</source>
        <translation>已于 {when} 完成备份。</translation>
    </message>
    <message>
        <source>The automatic backup failed: {error}</source>
        <translation>自动备份失败：{error}</translation>
    </message>
    <message>
        <source>Backing up before closing…</source>
        <translation>关闭前正在备份……</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation>立即备份(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>验证(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Restore from a &amp;folder…</source>
        <translation>从文件夹恢复(&amp;F)…</translation>
    </message>
    <message>
        <source>Restore a backup kept elsewhere, e.g. on a USB stick (choose its folder)</source>
        <translation>恢复保存在别处（例如U盘上）的备份（选择该备份的文件夹）</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Do&amp;n&apos;t copy</source>
        <translation>不复制(&amp;K)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <source>Second folder (USB stick):</source>
        <translation>第二个备份文件夹（U盘）：</translation>
    </message>
    <message>
        <source>Remind me after:</source>
        <translation>多久未复制就提醒：</translation>
    </message>
    <message>
        <source>A second copy</source>
        <translation>第二份备份</translation>
    </message>
    <message>
        <source>Each backup is also copied to this folder when it is available — a USB stick kept away from this computer protects the records if the disk fails.</source>
        <translation>每次备份时，如果这个文件夹可用，也把备份复制到这里。U盘与电脑分开存放，电脑硬盘损坏时记录也不会丢失。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Backups are kept in {folder}. One is made automatically every day and when the program closes.</source>
        <translation>备份保存在 {folder}。程序每天自动备份一次，关闭程序时也会备份。</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日自动备份</translation>
    </message>
    <message>
        <source>on closing</source>
        <translation>关闭程序时备份</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前备份</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前的原数据库</translation>
    </message>
    <message>
        <source>damaged database kept before a restore</source>
        <translation>恢复前原样保存的损坏数据库</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>second folder</source>
        <translation>第二个备份文件夹</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，没有作任何改动。</translation>
    </message>
    <message>
        <source>Backing up the database, attachments and keys…</source>
        <translation>正在备份数据库、附件和密钥……</translation>
    </message>
    <message>
        <source>Backup made and verified: {when} ({cases} cases, {size}).</source>
        <translation>已完成备份并验证：{when}（{cases} 件案件，{size}）。</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在验证备份……</translation>
    </message>
    <message>
        <source>The backup of {when} is complete and intact ({cases} cases).</source>
        <translation>{when} 的备份完整无损（{cases} 件案件）。</translation>
    </message>
    <message>
        <source>The backup of {when} is damaged: {problems}</source>
        <translation>{when} 的备份已损坏：{problems}</translation>
    </message>
    <message>
        <source>Choose the folder of a backup</source>
        <translation>选择备份所在的文件夹</translation>
    </message>
    <message>
        <source>Restore the backup of {when} ({cases} cases)?

The database as it is now is kept as a backup first. Whatever was entered after {when} will no longer be in the database.</source>
        <translation>恢复 {when} 的备份（{cases} 件案件）吗？

现在的数据库会先另存为一个备份。{when} 之后录入的内容将不在数据库中。</translation>
    </message>
    <message>
        <source>Restore the backup in {folder}?

The database as it is now is kept as a backup first.</source>
        <translation>恢复 {folder} 中的备份吗？

现在的数据库会先另存为一个备份。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close the open cases first (save or discard their changes), then restore again.</source>
        <translation>请先关闭打开的案件（保存或放弃修改），再重新恢复。</translation>
    </message>
    <message>
        <source>This backup belongs to another site (another committee&apos;s or office&apos;s installation). Replace ALL the data of this site with it?</source>
        <translation>这个备份属于另一个站点（另一个调委会或司法所的安装）。确定要用它替换本站的全部数据吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份……</translation>
    </message>
    <message>
        <source>The backup was restored ({cases} cases).</source>
        <translation>已恢复备份（{cases} 件案件）。</translation>
    </message>
    <message>
        <source>The database as it was before is kept as the backup {name}.</source>
        <translation>恢复前的数据库已另存为备份 {name}。</translation>
    </message>
    <message>
        <source>The backup was made by an older version; the restored database was upgraded (the backup itself is unchanged).</source>
        <translation>这个备份由旧版本创建，恢复出的数据库已升级（备份本身未改动）。</translation>
    </message>
    <message>
        <source>{n} attachment files were not in the backup.</source>
        <translation>有 {n} 个附件文件不在备份中。</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>Choose the second backup folder</source>
        <translation>选择第二个备份文件夹</translation>
    </message>
    <message>
        <source>Backup settings saved.</source>
        <translation>备份设置已保存。</translation>
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
        <source>Sent to the printer ({n} page(s)).</source>
        <translation>已送往打印机（共 {n} 页）。</translation>
    </message>
    <message>
        <source>Select the cases to print in the list first (hold Ctrl or Shift to select several).</source>
        <translation>请先在案件列表中选中要打印的案件（按住 Ctrl 或 Shift 键可选多件）。</translation>
    </message>
</context>
<context>
    <name>BundleImportDialog</name>
    <message>
        <source>Import a village&apos;s data</source>
        <translation>导入村的数据</translation>
    </message>
    <message>
        <source>What the file says (readable without keys)</source>
        <translation>文件清单（无需密钥即可查看）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发送方</translation>
    </message>
    <message>
        <source>To</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更序号</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>First data from this village: compare the fingerprint</source>
        <translation>首次收到该村的数据：请核对指纹</translation>
    </message>
    <message>
        <source>Ask the village to open Data exchange → Site information and read its fingerprint aloud (or compare it on paper). Accept only if all 16 digits are the same as here:</source>
        <translation>请村里打开“数据交换 → 本站信息”，念出其指纹（或书面核对）。16位数字与下面完全相同时才能接受：</translation>
    </message>
    <message>
        <source>The village&apos;s screen shows the &amp;same 16 digits</source>
        <translation>村里屏幕上显示的16位数字与此相同(&amp;S)</translation>
    </message>
    <message>
        <source>Preview: what importing would change (nothing has been written yet)</source>
        <translation>预览：导入将带来的变化（尚未写入任何内容）</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Review &amp;conflicts…</source>
        <translation>处理冲突(&amp;V)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Accept and preview</source>
        <translation>接受并预览(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>请稍候…</translation>
    </message>
    <message>
        <source>Fingerprint compared: {fp}. The village is accepted together with the import; Cancel accepts nothing.</source>
        <translation>已核对指纹：{fp}。导入时同时接受该村；点“取消”则不接受。</translation>
    </message>
    <message>
        <source>{name} (site {site})</source>
        <translation>{name}（站点 {site}）</translation>
    </message>
    <message>
        <source>numbers {first}–{last} (the office had acknowledged up to {ack})</source>
        <translation>序号 {first}–{last}（司法所此前已确认至 {ack}）</translation>
    </message>
    <message>
        <source>This is not a village&apos;s data file ({kind}).</source>
        <translation>这不是村的同步数据文件（{kind}）。</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Log entries</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Press Import to apply everything at once, or Cancel to leave the database as it is.</source>
        <translation>点“导入”一次性导入全部内容；点“取消”则数据库保持原样。</translation>
    </message>
    <message>
        <source>{n} records were changed on both sides: both versions will be kept for you to choose from. </source>
        <translation>有 {n} 条记录双方都改动过：两个版本都会保留，供您选择。</translation>
    </message>
    <message>
        <source>Importing the village&apos;s data…</source>
        <translation>正在导入村的数据…</translation>
    </message>
    <message>
        <source>What was imported</source>
        <translation>已导入的内容</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was changed.</source>
        <translation>已取消导入，未作任何更改。</translation>
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
    <message>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
</context>
<context>
    <name>CaseFileTab</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书名称</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>已有</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Archiving</source>
        <translation>立卷归档</translation>
    </message>
    <message>
        <source>Archive the case file…</source>
        <translation>立卷归档…</translation>
    </message>
    <message>
        <source>One case, one file: the documents in the order of the Ministry of Justice&apos;s table of contents. Required items must be present before the file is archived.</source>
        <translation>一案一卷：按司法部卷宗目录的顺序列出文书。必备材料齐全后才能立卷归档。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation>缺</translation>
    </message>
    <message>
        <source>{n} record(s)</source>
        <translation>{n}份记录</translation>
    </message>
    <message>
        <source>{n} scan(s)</source>
        <translation>{n}份扫描件</translation>
    </message>
    <message>
        <source>Missing required items: {items}</source>
        <translation>缺少必备材料：{items}</translation>
    </message>
    <message>
        <source>Record what is missing on its tab, or add the signed paper as a scan on the Attachments tab (e.g. a copy of each party&apos;s identity card).</source>
        <translation>请在相应页面补充记录，或在“附件”页添加签字材料的扫描件（例如各方当事人的身份证复印件）。</translation>
    </message>
    <message>
        <source>Every required item is in the file.</source>
        <translation>必备材料齐全。</translation>
    </message>
    <message>
        <source>Archived on {day} by {who}; retention {retention}.</source>
        <translation>{day}由{who}立卷，保管期限{retention}。</translation>
    </message>
    <message>
        <source>Volume: {title}.</source>
        <translation>卷名：{title}。</translation>
    </message>
    <message>
        <source>A closed case (agreement in force or performed, mediation ended, withdrawn or refused) is archived once its file is complete. Afterwards it can no longer be changed.</source>
        <translation>办结的案件（协议已生效或已履行、调解终止、撤回或不予受理）在卷宗材料齐全后立卷归档。归档后不能再修改。</translation>
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
    <name>CaseOwner</name>
    <message>
        <source>This case belongs to {committee}: the township office can only comment on, approve or return it</source>
        <translation>本案件由{committee}所有，乡镇只能批注、审核或退回</translation>
    </message>
    <message>
        <source>its village</source>
        <translation>所属村</translation>
    </message>
</context>
<context>
    <name>CasePath</name>
    <message>
        <source>Archived on {day} by {who} (retention: {retention}). This case can be viewed but no longer changed.</source>
        <translation>本案已于{day}由{who}立卷归档（保管期限：{retention}），只能查看，不能修改。</translation>
    </message>
    <message>
        <source>This case is archived: it can be viewed but no longer changed.</source>
        <translation>本案已立卷归档，只能查看，不能修改。</translation>
    </message>
    <message>
        <source>Next step: {step}</source>
        <translation>下一步：{step}</translation>
    </message>
</context>
<context>
    <name>CaseTabs</name>
    <message>
        <source>Acceptance and records</source>
        <translation>受理与记录</translation>
    </message>
    <message>
        <source>Outcome and risks</source>
        <translation>结果与风险</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <source>Performance and follow-up</source>
        <translation>履行与回访</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>卷宗</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>History</source>
        <translation>操作记录</translation>
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
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts to resolve</source>
        <translation>待处理的同步冲突</translation>
    </message>
    <message>
        <source>No conflicts to resolve.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>This desk&apos;s version</source>
        <translation>本机已有的版本</translation>
    </message>
    <message>
        <source>Version that came in</source>
        <translation>新收到的版本</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Highlighted fields differ. Keep this desk&apos;s version, take the one that came in, or choose field by field and merge.</source>
        <translation>突出显示的字段两边不同。可以保留本机已有的版本、采用新收到的版本，或逐个字段选择后合并。</translation>
    </message>
    <message>
        <source>Keep &amp;ours</source>
        <translation>保留已有版本(&amp;O)</translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation>采用新收到的版本(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Merge as chosen</source>
        <translation>按所选合并(&amp;M)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{kind} {record} — {reason}
from {sender}</source>
        <translation>{kind} {record} — {reason}
来自 {sender}</translation>
    </message>
    <message>
        <source>{kind} {record}: {reason} (came in {when})</source>
        <translation>{kind} {record}：{reason}（{when} 收到）</translation>
    </message>
    <message>
        <source>ours</source>
        <translation>已有</translation>
    </message>
    <message>
        <source>theirs</source>
        <translation>新收到</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>This record belongs to another site: only ours can be kept</source>
        <translation>该记录属于另一个站点：只能保留本机已有的版本</translation>
    </message>
    <message>
        <source>Resolving…</source>
        <translation>正在处理…</translation>
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
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
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
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Print whole case &amp;file…</source>
        <translation>打印整本卷宗(&amp;F)…</translation>
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
    <name>FiguresTable</name>
    <message>
        <source>Changed since the report was locked</source>
        <translation>锁定上报后有变动</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Scans and photos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>扫描件和照片 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>{suffix} file</source>
        <translation>{suffix} 文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Edit follow-up visit</source>
        <translation>修改回访记录</translation>
    </message>
    <message>
        <source>New follow-up visit</source>
        <translation>新建回访记录</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Visited on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Party visited</source>
        <translation>回访的当事人</translation>
    </message>
    <message>
        <source>Reason for the visit</source>
        <translation>回访事由</translation>
    </message>
    <message>
        <source>e.g. check that the agreement was performed</source>
        <translation>例如：核实协议履行情况</translation>
    </message>
    <message>
        <source>Performance found</source>
        <translation>协议履行情况</translation>
    </message>
    <message>
        <source>(not checked)</source>
        <translation>（未核实）</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意程度</translation>
    </message>
    <message>
        <source>(not asked)</source>
        <translation>（未询问）</translation>
    </message>
    <message>
        <source>A party has gone to court since</source>
        <translation>当事人已向法院起诉</translation>
    </message>
    <message>
        <source>About the lawsuit</source>
        <translation>诉讼情况</translation>
    </message>
    <message>
        <source>Signs that the mediation was wrong</source>
        <translation>发现错调迹象</translation>
    </message>
    <message>
        <source>What was wrong</source>
        <translation>错调情况</translation>
    </message>
    <message>
        <source>Escalation or hidden risk</source>
        <translation>有激化或隐患</translation>
    </message>
    <message>
        <source>About the risk</source>
        <translation>激化或隐患情况</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>采取的措施</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No agreement is in force</source>
        <translation>没有已生效的协议</translation>
    </message>
</context>
<context>
    <name>FollowUpTab</name>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>履行情况</translation>
    </message>
    <message>
        <source>no proof chosen</source>
        <translation>尚未选择履行凭证</translation>
    </message>
    <message>
        <source>Choose proof…</source>
        <translation>选择凭证…</translation>
    </message>
    <message>
        <source>A scan or photo of a receipt, a transfer slip …</source>
        <translation>收条、汇款单等的扫描件或照片</translation>
    </message>
    <message>
        <source>Record performance</source>
        <translation>登记履行情况</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>履行状态</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>核实日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>履行凭证</translation>
    </message>
    <message>
        <source>Proof of performance on file</source>
        <translation>已附的履行凭证</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>回访计划</translation>
    </message>
    <message>
        <source>empty: the default day</source>
        <translation>不填：按默认日期</translation>
    </message>
    <message>
        <source>Set the visit day</source>
        <translation>设定回访日期</translation>
    </message>
    <message>
        <source>Visit on</source>
        <translation>计划回访日期</translation>
    </message>
    <message>
        <source>Follow-up visits</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Party visited</source>
        <translation>回访的当事人</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意程度</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <source>Add follow-up visit…</source>
        <translation>添加回访记录…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Supplementary</source>
        <translation>补充协议</translation>
    </message>
    <message>
        <source>Performance and follow-up visits start when an agreement is in force (a written agreement once it is signed; an oral one on the day it is reached).</source>
        <translation>协议生效后才能登记履行情况和回访（书面协议自签字之日起生效，口头协议自达成之日起生效）。</translation>
    </message>
    <message>
        <source>lawsuit: {note}</source>
        <translation>已起诉：{note}</translation>
    </message>
    <message>
        <source>signs of wrong mediation: {note}</source>
        <translation>错调迹象：{note}</translation>
    </message>
    <message>
        <source>escalation risk: {note}</source>
        <translation>激化隐患：{note}</translation>
    </message>
    <message>
        <source>action: {note}</source>
        <translation>措施：{note}</translation>
    </message>
    <message>
        <source>No agreement is in force</source>
        <translation>没有已生效的协议</translation>
    </message>
    <message>
        <source>Performance: {status}</source>
        <translation>履行情况：{status}</translation>
    </message>
    <message>
        <source> (checked on {day})</source>
        <translation>（{day}核实）</translation>
    </message>
    <message>
        <source>To be performed by {day}; method: {method}</source>
        <translation>履行期限：{day}；履行方式：{method}</translation>
    </message>
    <message>
        <source> (file missing)</source>
        <translation>（文件缺失）</translation>
    </message>
    <message>
        <source>Visit planned for {day}; visited on {last}.</source>
        <translation>计划于{day}回访；已于{last}回访。</translation>
    </message>
    <message>
        <source>Visit planned for {day} — {left}.</source>
        <translation>计划于{day}回访——{left}。</translation>
    </message>
    <message>
        <source>(day set by the mediator)</source>
        <translation>（调解员设定的日期）</translation>
    </message>
    <message>
        <source>(the default: {n} days after the performance deadline)</source>
        <translation>（默认：履行期限届满后{n}天）</translation>
    </message>
    <message>
        <source>(the default: {n} days after the agreement took effect)</source>
        <translation>（默认：协议生效后{n}天）</translation>
    </message>
    <message>
        <source>No visit planned.</source>
        <translation>没有回访计划。</translation>
    </message>
    <message>
        <source>Proof of performance</source>
        <translation>履行凭证</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Delete the follow-up visit of {day}? This is recorded in the history.</source>
        <translation>删除{day}的回访记录吗？删除操作会记入操作记录。</translation>
    </message>
    <message>
        <source>no problems found</source>
        <translation>未发现问题</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Nothing recorded for this case yet (sample cases are generated in bulk, without a history of their own).</source>
        <translation>本案还没有操作记录（示例案件是批量生成的，没有单独的操作记录）。</translation>
    </message>
    <message>
        <source>Every change is recorded with the user and the time; nothing can be changed without leaving a trace here.</source>
        <translation>每一次修改都记下操作人和时间；任何修改都会在这里留下记录。</translation>
    </message>
</context>
<context>
    <name>ImportLogDialog</name>
    <message>
        <source>Import log</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Village data</source>
        <translation>村同步包</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>回执</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>登记文件</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发送方</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>InvestigationDialog</name>
    <message>
        <source>Edit investigation record</source>
        <translation>修改调查记录</translation>
    </message>
    <message>
        <source>New investigation record</source>
        <translation>新建调查记录</translation>
    </message>
    <message>
        <source>Person asked</source>
        <translation>被调查人</translation>
    </message>
    <message>
        <source>Others present</source>
        <translation>参加人</translation>
    </message>
    <message>
        <source>names separated by 、</source>
        <translation>姓名之间用“、”分隔</translation>
    </message>
    <message>
        <source>Investigators</source>
        <translation>调查人</translation>
    </message>
    <message>
        <source>others, separated by 、</source>
        <translation>其他人，用“、”分隔</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>choose a party, or type another name</source>
        <translation>选择当事人，或输入其他姓名</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Edit found dispute</source>
        <translation>修改排查发现的纠纷</translation>
    </message>
    <message>
        <source>Add found dispute</source>
        <translation>添加排查发现的纠纷</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Names, separated by 、</source>
        <translation>姓名，用顿号（、）分隔</translation>
    </message>
    <message>
        <source>(nothing prevented)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2026-11-28</translation>
    </message>
    <message>
        <source>Date &amp;found</source>
        <translation>发现日期(&amp;F)</translation>
    </message>
    <message>
        <source>Dispute &amp;type</source>
        <translation>纠纷类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Parties</source>
        <translation>当事人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>联系方式(&amp;C)</translation>
    </message>
    <message>
        <source>People &amp;involved</source>
        <translation>涉及人数(&amp;I)</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>地点(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;What happened</source>
        <translation>纠纷简要情况(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Risk level</source>
        <translation>风险等级(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Measures</source>
        <translation>化解措施(&amp;M)</translation>
    </message>
    <message>
        <source>Responsi&amp;ble</source>
        <translation>责任人(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation>化解期限(&amp;D)</translation>
    </message>
    <message>
        <source>Pro&amp;gress</source>
        <translation>处理进度(&amp;G)</translation>
    </message>
    <message>
        <source>Date s&amp;ettled</source>
        <translation>处置日期(&amp;E)</translation>
    </message>
    <message>
        <source>Pre&amp;vented</source>
        <translation>防止激化(&amp;V)</translation>
    </message>
    <message>
        <source>People (&amp;prevented)</source>
        <translation>防止激化涉及人数(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
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
        <translation>搜索(&amp;F)</translation>
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
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source>Reading the to-do list…</source>
        <translation>正在读取待办事项…</translation>
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
        <source>Dispute &amp;screening…</source>
        <translation>矛盾纠纷排查(&amp;S)…</translation>
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
        <source>S&amp;tatistics</source>
        <translation>统计(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Statistics and monthly report…</source>
        <translation>统计报表和月报(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Mediators…</source>
        <translation>调解员(&amp;M)…</translation>
    </message>
    <message>
        <source>Committees and &amp;mediators…</source>
        <translation>调解组织与人员(&amp;M)…</translation>
    </message>
    <message>
        <source>Mediation &amp;path settings…</source>
        <translation>调解流程设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Backup and restore…</source>
        <translation>备份与恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>Mediation desk — {committee}</source>
        <translation>人民调解工作台 — {committee}</translation>
    </message>
    <message>
        <source>village committee</source>
        <translation>村级调委会</translation>
    </message>
    <message>
        <source>township office</source>
        <translation>乡镇司法所</translation>
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
        <translation>修改调解记录</translation>
    </message>
    <message>
        <source>New mediation record</source>
        <translation>新建调解记录</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation>人民调解员</translation>
    </message>
    <message>
        <source>others, separated by 、</source>
        <translation>其他人，用“、”分隔</translation>
    </message>
    <message>
        <source>Parties present</source>
        <translation>到场当事人</translation>
    </message>
    <message>
        <source>Invited participants</source>
        <translation>邀请参加人</translation>
    </message>
    <message>
        <source>relatives, experts … (not mediators, parties or the recorder)</source>
        <translation>亲属、专家等（不含调解员、当事人和记录人）</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>The parties were told their rights and duties</source>
        <translation>已告知当事人权利义务</translation>
    </message>
    <message>
        <source>What each side said</source>
        <translation>当事人陈述</translation>
    </message>
    <message>
        <source>Facts checked</source>
        <translation>查明的事实</translation>
    </message>
    <message>
        <source>Risk warning</source>
        <translation>风险提示</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <source>Result in detail</source>
        <translation>调解结果说明</translation>
    </message>
    <message>
        <source>Other routes explained</source>
        <translation>已告知的其他途径</translation>
    </message>
    <message>
        <source>e.g. told both parties they may sue at the county court or apply for arbitration</source>
        <translation>例如：已告知双方可以向旗（县）人民法院起诉或申请仲裁</translation>
    </message>
</context>
<context>
    <name>MediationTab</name>
    <message>
        <source>Acceptance</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Accept: the parties consent</source>
        <translation>受理（当事人同意调解）</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>The notice of rights and duties was given to the parties</source>
        <translation>已向当事人送达权利义务告知书</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>which court, police or office, or why</source>
        <translation>哪个法院、公安机关或行政机关，或其他原因</translation>
    </message>
    <message>
        <source>How the parties consented</source>
        <translation>当事人同意方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>登记决定</translation>
    </message>
    <message>
        <source>Rights notice given</source>
        <translation>已告知权利义务</translation>
    </message>
    <message>
        <source>Record that the notice of rights and duties was given</source>
        <translation>登记已向当事人告知权利义务</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Investigation records</source>
        <translation>调查记录</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Person asked</source>
        <translation>被调查人</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Investigators</source>
        <translation>调查人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问答数</translation>
    </message>
    <message>
        <source>Add investigation record…</source>
        <translation>添加调查记录…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Mediation records</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation>人民调解员</translation>
    </message>
    <message>
        <source>Parties present</source>
        <translation>到场当事人</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Add mediation record…</source>
        <translation>添加调解记录…</translation>
    </message>
    <message>
        <source>Not decided yet. Accept the case when the parties agree to mediation; refuse it when a party clearly refuses (Art. 17), it is outside people&apos;s mediation, or a court, the police or an administrative body already handles it.</source>
        <translation>尚未作出受理决定。当事人同意调解的，予以受理；当事人一方明确拒绝调解（第十七条）、不属于人民调解范围，或已由法院、公安机关、行政机关受理处理的，不予受理。</translation>
    </message>
    <message>
        <source>Accepted on {day} ({how}).</source>
        <translation>{day}受理（{how}）。</translation>
    </message>
    <message>
        <source>Notice of rights and duties given.</source>
        <translation>已告知权利义务。</translation>
    </message>
    <message>
        <source>Notice of rights and duties not yet recorded.</source>
        <translation>尚未登记告知权利义务。</translation>
    </message>
    <message>
        <source>Refused on {day}: {reason}</source>
        <translation>{day}不予受理：{reason}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Refuse this case? A refused case stays on record but cannot be mediated.</source>
        <translation>不予受理吗？不予受理的案件仍保留登记，但不能调解。</translation>
    </message>
    <message>
        <source>Delete investigation record {no} ({day})? This is recorded in the history.</source>
        <translation>删除调查记录{no}（{day}）吗？删除操作会记入操作记录。</translation>
    </message>
    <message>
        <source>Delete mediation record {no} ({day})? This is recorded in the history.</source>
        <translation>删除调解记录{no}（{day}）吗？删除操作会记入操作记录。</translation>
    </message>
</context>
<context>
    <name>MediatorForm</name>
    <message>
        <source>Edit mediator</source>
        <translation>修改调解员</translation>
    </message>
    <message>
        <source>Add mediator</source>
        <translation>添加调解员</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 1970-05-06</translation>
    </message>
    <message>
        <source>Has had legal training</source>
        <translation>受过法律专业培训</translation>
    </message>
    <message>
        <source>e.g. retired judge, lawyer, teacher</source>
        <translation>如退休法官、律师、教师</translation>
    </message>
    <message>
        <source>Part-time</source>
        <translation>兼职</translation>
    </message>
    <message>
        <source>Full-time</source>
        <translation>专职</translation>
    </message>
    <message>
        <source>e.g. gold medal, grade one</source>
        <translation>如金牌调解员、一级调解员</translation>
    </message>
    <message>
        <source>Active (offered when assigning cases)</source>
        <translation>在任（分配案件时可选）</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>性别(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Ethnicity</source>
        <translation>民族(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>出生日期(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>E&amp;ducation</source>
        <translation>文化程度(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Legal training</source>
        <translation>法律培训(&amp;L)</translation>
    </message>
    <message>
        <source>P&amp;rofession</source>
        <translation>职业(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Employment</source>
        <translation>专职/兼职(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>称号/等级(&amp;T)</translation>
    </message>
    <message>
        <source>H&amp;onours</source>
        <translation>荣誉(&amp;O)</translation>
    </message>
    <message>
        <source>Trainin&amp;g</source>
        <translation>培训情况(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MediatorsDialog</name>
    <message>
        <source>Mediators</source>
        <translation>人民调解员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>专职/兼职</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>称号/等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>所属调委会</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <source>Mark &amp;inactive</source>
        <translation>设为不在任(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Inactive mediators stay on their past cases but are no longer offered for new ones.</source>
        <translation>不在任的调解员仍保留在其办理过的案件中，但新案件不再提供选择。</translation>
    </message>
    <message>
        <source>Full-time</source>
        <translation>专职</translation>
    </message>
    <message>
        <source>Part-time</source>
        <translation>兼职</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在任</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>不在任</translation>
    </message>
    <message>
        <source>Registered by another committee (a village): read-only here.</source>
        <translation>由其他调委会（村）登记，本站只能查看。</translation>
    </message>
    <message>
        <source>Mark &amp;active</source>
        <translation>恢复在任(&amp;A)</translation>
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
        <translation>调解结果</translation>
    </message>
    <message>
        <source>If the parties reached an agreement, record it (written or oral) on the Agreement tab.</source>
        <translation>达成协议的，请在“调解协议”页登记书面或口头协议。</translation>
    </message>
    <message>
        <source>Go to the agreement</source>
        <translation>去登记协议</translation>
    </message>
    <message>
        <source>End without agreement, or withdrawal</source>
        <translation>调解终止或撤回</translation>
    </message>
    <message>
        <source>Mediation ended without agreement</source>
        <translation>调解终止（未达成协议）</translation>
    </message>
    <message>
        <source>The parties withdrew</source>
        <translation>当事人撤回申请</translation>
    </message>
    <message>
        <source>e.g. told both parties they may sue at the county court or apply for arbitration</source>
        <translation>例如：已告知双方可以向旗（县）人民法院起诉或申请仲裁</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Other routes explained</source>
        <translation>已告知的其他途径</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Mediation is voluntary: when it fails, end it and tell the parties which other routes they have (court, arbitration, administrative bodies; Art. 26).</source>
        <translation>调解出于自愿：调解不成的，应当终止调解，并告知当事人可以通过仲裁、行政、司法等途径解决（第二十六条）。</translation>
    </message>
    <message>
        <source>Escalation risks</source>
        <translation>激化风险</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险类型</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>风险情况</translation>
    </message>
    <message>
        <source>People</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <source>Report to the police</source>
        <translation>报告公安机关</translation>
    </message>
    <message>
        <source>Prevented</source>
        <translation>已防止</translation>
    </message>
    <message>
        <source>Flag a risk…</source>
        <translation>标记风险…</translation>
    </message>
    <message>
        <source>Report to the police…</source>
        <translation>报告公安机关…</translation>
    </message>
    <message>
        <source>Mark as prevented</source>
        <translation>标记为已防止</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>If a dispute may turn criminal, lead to a group petition or a group fight, or drive someone to suicide, take preventive steps and report it to the police promptly (Art. 25).</source>
        <translation>纠纷可能激化为刑事案件、群体性上访或群体性械斗，或可能引发自杀的，应当采取预防措施，并及时向公安机关报告（第二十五条）。</translation>
    </message>
    <message>
        <source>{outcome} ({day})</source>
        <translation>结果：{outcome}（{day}）</translation>
    </message>
    <message>
        <source>No outcome yet: the case is still open.</source>
        <translation>尚无结果：案件仍在办理中。</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Routes explained: {routes}</source>
        <translation>已告知的其他途径：{routes}</translation>
    </message>
    <message>
        <source>{day}, to {recipient}</source>
        <translation>{day}报告{recipient}</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>尚未报告</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>End the mediation without agreement? The case is then closed.</source>
        <translation>终止调解吗？终止后案件即办结。</translation>
    </message>
    <message>
        <source>Record that the parties withdrew? The case is then closed.</source>
        <translation>登记当事人撤回申请吗？撤回后案件即办结。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Delete the risk “{kind}” flagged by mistake?</source>
        <translation>删除误标的风险“{kind}”吗？</translation>
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
        <source>Same as the home address</source>
        <translation>与住址相同</translation>
    </message>
    <message>
        <source>Where court papers reach the party (printed on the judicial confirmation application). Leave empty when it is the home address; confirm it with the party.</source>
        <translation>法院文书送达当事人的地址（印在司法确认申请书上）。与住址相同时留空；请与当事人核实确认。</translation>
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
        <source>Ser&amp;vice address</source>
        <translation>送达地址(&amp;V)</translation>
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
    <message>
        <source>Use the details recorded &amp;then</source>
        <translation>填入上次登记的信息(&amp;T)</translation>
    </message>
    <message>
        <source>Fill the empty fields (phone, ethnicity, address, occupation, employer) from the latest earlier case</source>
        <translation>用最近一起案件中登记的信息填写空着的项目（电话、民族、住址、职业、工作单位）</translation>
    </message>
    <message>
        <source>unified social credit code, 18 characters</source>
        <translation>统一社会信用代码，18位</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>The key backup is protected by this passphrase (at least 8 characters). Keep the passphrase apart from the backup file: whoever has both can act as this desk.</source>
        <translation>密钥备份用此口令保护（至少8个字符）。口令要与备份文件分开保管：同时拿到两者的人可以冒充本站。</translation>
    </message>
    <message>
        <source>Type the passphrase of the key backup.</source>
        <translation>请输入密钥备份的口令。</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>口令(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>再输一次(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Replace this desk&apos;s existing keys</source>
        <translation>替换本站现有的密钥(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Take over the backed-up site (a new computer replacing a lost one)</source>
        <translation>接管备份中的站点身份（新电脑替换丢失的电脑）(&amp;T)</translation>
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
        <source>Please type the passphrase</source>
        <translation>请输入口令</translation>
    </message>
    <message>
        <source>The passphrase needs at least {n} characters</source>
        <translation>口令至少需要{n}个字符</translation>
    </message>
    <message>
        <source>The two entries differ</source>
        <translation>两次输入的口令不一致</translation>
    </message>
</context>
<context>
    <name>PathTab</name>
    <message>
        <source>e.g. 2026-11-28</source>
        <translation>例如 2026-11-28</translation>
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
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
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
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt from the office</source>
        <translation>司法所的回执</translation>
    </message>
    <message>
        <source>Returned for correction: {cases}</source>
        <translation>退回补正的案件：{cases}</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What the office said (double-click to open the case):</source>
        <translation>司法所的意见（双击打开案件）：</translation>
    </message>
    <message>
        <source>No comments from the office this time.</source>
        <translation>司法所这次没有意见。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <source>{n} record(s). Double-click a case to open it.</source>
        <translation>共 {n} 条记录。双击案件可打开。</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>调委会</translation>
    </message>
    <message>
        <source>Date counted</source>
        <translation>统计日期</translation>
    </message>
    <message>
        <source>Counted as</source>
        <translation>计入</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>简要情况</translation>
    </message>
</context>
<context>
    <name>RegisterCaseDialog</name>
    <message>
        <source>Register as a case</source>
        <translation>登记为案件</translation>
    </message>
    <message>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <source>Committee&apos;s own initiative</source>
        <translation>主动调解（排查发现）</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>受理日期(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Applicants</source>
        <translation>申请人(&amp;A)</translation>
    </message>
    <message>
        <source>Res&amp;pondents</source>
        <translation>被申请人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>纠纷简要情况(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>正在登记…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report to the police</source>
        <translation>报告公安机关</translation>
    </message>
    <message>
        <source>Risk: {kind} (found on {day})</source>
        <translation>风险：{kind}（{day}发现）</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <source>Reported to</source>
        <translation>报告对象</translation>
    </message>
    <message>
        <source>police station and officer</source>
        <translation>派出所及接收的民警</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <source>Office review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Your opinion; for a return, what the village must correct</source>
        <translation>您的意见；退回时请写明村里需要补正的内容</translation>
    </message>
    <message>
        <source>Add &amp;comment</source>
        <translation>添加意见(&amp;C)</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>审核通过(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Return to the village</source>
        <translation>退回村里补正(&amp;R)</translation>
    </message>
    <message>
        <source>The office&apos;s review (sent to the village with the next receipt):</source>
        <translation>司法所审核意见（随下一份回执发给村里）：</translation>
    </message>
    <message>
        <source>No review yet.</source>
        <translation>尚无审核意见。</translation>
    </message>
    <message>
        <source>This is the office&apos;s own case: reviews are for the villages&apos; cases.</source>
        <translation>这是本所自己登记的案件：审核针对村里报送的案件。</translation>
    </message>
    <message>
        <source>The township office&apos;s comments, approvals and returns arrive with its receipts (Data exchange → Import a receipt).</source>
        <translation>司法所的意见、审核和退回随回执送达（数据交换 → 导入司法所的回执）。</translation>
    </message>
    <message>
        <source>Returned by the township office for correction ({date}): {text}</source>
        <translation>司法所已退回补正（{date}）：{text}</translation>
    </message>
    <message>
        <source>Return case {case} to the village for correction?</source>
        <translation>将案件{case}退回村里补正？</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <source>Flag an escalation risk</source>
        <translation>标记激化风险</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险类型</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>风险情况</translation>
    </message>
    <message>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <source>Committees and mediators</source>
        <translation>调解组织与人员</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>所属调委会</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <source>Legal training</source>
        <translation>受过法律培训</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>专兼职</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务/称号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Show &amp;inactive mediators</source>
        <translation>显示已不在任的调解员(&amp;I)</translation>
    </message>
    <message>
        <source>Read-only. Each committee keeps its own mediators; changes arrive with its bundles.</source>
        <translation>只读。各调委会自行登记本会的调解员，变更随其同步包报送。</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Committees: {committees}. Active mediators: {n} (full-time {full}, women {women}, with legal training {legal}).</source>
        <translation>调委会：{committees}。在任调解员 {n} 名（专职 {full} 名，女性 {women} 名，受过法律培训 {legal} 名）。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Full-time</source>
        <translation>专职</translation>
    </message>
    <message>
        <source>Part-time</source>
        <translation>兼职</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在任</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>不在任</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>New screening</source>
        <translation>登记排查</translation>
    </message>
    <message>
        <source>Edit screening</source>
        <translation>修改排查</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2026-11-28</translation>
    </message>
    <message>
        <source>e.g. all groups of the village</source>
        <translation>如：全村各组</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>排查日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>排查类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Area screened</source>
        <translation>排查范围(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Screened by</source>
        <translation>排查人员(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>SavingDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ScreeningWindow</name>
    <message>
        <source>Dispute screening</source>
        <translation>矛盾纠纷排查</translation>
    </message>
    <message>
        <source>2026, 2026-11 or empty for all</source>
        <translation>如 2026、2026-11，留空为全部</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>期间(&amp;P)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>排查日期</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>调委会</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>排查范围</translation>
    </message>
    <message>
        <source>Screened by</source>
        <translation>排查人员</translation>
    </message>
    <message>
        <source>Found / red / settled</source>
        <translation>发现/红色/已处置</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>简要情况</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>处理进度</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>化解期限</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>New &amp;screening…</source>
        <translation>登记排查(&amp;S)…</translation>
    </message>
    <message>
        <source>Edit screenin&amp;g…</source>
        <translation>修改排查(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Add found dispute…</source>
        <translation>添加发现的纠纷(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit / move on…</source>
        <translation>修改/推进(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Register as case…</source>
        <translation>登记为案件(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>打开案件(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>{rounds} screenings, {found} disputes found, {red} red</source>
        <translation>排查 {rounds} 次，发现纠纷 {found} 件，其中红色 {red} 件</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>调解流程设置</translation>
    </message>
    <message>
        <source>&amp;Follow-up visit due (days after the performance deadline)</source>
        <translation>回访期限（履行期限届满后天数）(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Warn before the confirmation window closes (days)</source>
        <translation>司法确认期限提前提醒天数(&amp;W)</translation>
    </message>
    <message>
        <source>Largest &amp;attachment</source>
        <translation>附件大小上限(&amp;A)</translation>
    </message>
    <message>
        <source>Accepted attachment &amp;types</source>
        <translation>允许的附件类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Retention periods offered when archiving</source>
        <translation>立卷保管期限选项(&amp;R)</translation>
    </message>
    <message>
        <source>Agreement &amp;number pattern (this committee)</source>
        <translation>协议编号格式（本委员会）(&amp;N)</translation>
    </message>
    <message>
        <source>Statistics re&amp;viewer</source>
        <translation>统计报表审核人(&amp;V)</translation>
    </message>
    <message>
        <source>Monthly report on time (days after the month)</source>
        <translation>月报按时报送（月末后天数）</translation>
    </message>
    <message>
        <source>Hard case: people involved from</source>
        <translation>疑难纠纷：涉及人数达到</translation>
    </message>
    <message>
        <source>Hard case: amount from (yuan)</source>
        <translation>疑难纠纷：涉及金额达到（元）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>e.g. 20</source>
        <translation>如 20</translation>
    </message>
    <message>
        <source>megabytes (a phone photo is 2–5)</source>
        <translation>兆（手机照片一般2～5兆）</translation>
    </message>
    <message>
        <source>PDF files</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>Photos (JPG)</source>
        <translation>照片（JPG）</translation>
    </message>
    <message>
        <source>Pictures (PNG)</source>
        <translation>图片（PNG）</translation>
    </message>
    <message>
        <source>Scans (TIF)</source>
        <translation>扫描件（TIF）</translation>
    </message>
    <message>
        <source>e.g. 10年、30年、永久</source>
        <translation>如 10年、30年、永久（用顿号分开）</translation>
    </message>
    <message>
        <source>〔年份〕〔简称〕〔序号〕 are filled in for each agreement</source>
        <translation>〔年份〕〔简称〕〔序号〕在每份协议上自动填写</translation>
    </message>
    <message>
        <source>For example: {number}</source>
        <translation>例如：{number}</translation>
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
        <source>Village (community) mediation committee</source>
        <translation>村（社区）人民调解委员会</translation>
    </message>
    <message>
        <source>Township (street) judicial office</source>
        <translation>乡镇（街道）司法所</translation>
    </message>
    <message>
        <source>e.g. 巴彦塔拉司法所</source>
        <translation>例如 巴彦塔拉司法所</translation>
    </message>
    <message>
        <source>optional: can also be imported later</source>
        <translation>可选：也可以以后再导入</translation>
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
        <source>This computer is used by</source>
        <translation>本机使用单位</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>单位类型(&amp;R)</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Name of the &amp;judicial office</source>
        <translation>司法所名称(&amp;J)</translation>
    </message>
    <message>
        <source>Office&apos;s &amp;enrolment file</source>
        <translation>司法所登记文件(&amp;E)</translation>
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
        <source>Sample data is not available in this version.</source>
        <translation>此版本没有示例数据。</translation>
    </message>
    <message>
        <source>e.g. 巴彦塔拉苏木人民调解委员会</source>
        <translation>例如 巴彦塔拉苏木人民调解委员会</translation>
    </message>
    <message>
        <source>The office&apos;s enrolment file</source>
        <translation>司法所的登记文件</translation>
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
    <name>SiteInfoDialog</name>
    <message>
        <source>Site information</source>
        <translation>本站信息</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Site number</source>
        <translation>站点编号</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Keys folder</source>
        <translation>密钥文件夹</translation>
    </message>
    <message>
        <source>Read the fingerprint aloud (or compare it on paper) when the office accepts this desk&apos;s first data file, or when a village checks the office&apos;s enrolment file.</source>
        <translation>司法所接收本站第一个同步包时，或村里核对司法所的登记文件时，请念出（或书面核对）指纹。</translation>
    </message>
    <message>
        <source>Not yet set up for data exchange</source>
        <translation>尚未设置数据交换</translation>
    </message>
    <message>
        <source>Village (community) mediation committee</source>
        <translation>村（社区）人民调解委员会</translation>
    </message>
    <message>
        <source>Township (street) judicial office</source>
        <translation>乡镇（街道）司法所</translation>
    </message>
    <message>
        <source>&amp;Set up</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Known sites</source>
        <translation>已登记的站点</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>(no keys yet)</source>
        <translation>（尚无密钥）</translation>
    </message>
    <message>
        <source>Making this desk&apos;s keys…</source>
        <translation>正在生成本站密钥…</translation>
    </message>
</context>
<context>
    <name>StatisticsWindow</name>
    <message>
        <source>Statistics</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>调委会</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Export reminder list…</source>
        <translation>导出催报名单…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>上报数</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现数</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>By dispute type</source>
        <translation>按纠纷类型</translation>
    </message>
    <message>
        <source>Reporting status</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Committees and mediators</source>
        <translation>调解组织与人员</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Close this month (report / zero report)…</source>
        <translation>本月报送（已报送/零上报）…</translation>
    </message>
    <message>
        <source>Lock report (sent upward)…</source>
        <translation>锁定上报…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <source>Case source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Break down by:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>分类统计</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>半年</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>自定义期间</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>统计期间：</translation>
    </message>
    <message>
        <source>Month {n}</source>
        <translation>{n}月</translation>
    </message>
    <message>
        <source>Q{n}</source>
        <translation>第{n}季度</translation>
    </message>
    <message>
        <source>First half</source>
        <translation>上半年</translation>
    </message>
    <message>
        <source>Second half</source>
        <translation>下半年</translation>
    </message>
    <message>
        <source>Locked on {day} by {who}.</source>
        <translation>已于{day}由{who}锁定上报。</translation>
    </message>
    <message>
        <source>Not locked.</source>
        <translation>未锁定。</translation>
    </message>
    <message>
        <source>{title} — reporting unit: {unit} — period: {period} — filled in by: {who} — reviewer: {reviewer} — date: {day}. {locked}</source>
        <translation>{title}&#x3000;填报单位：{unit}&#x3000;统计期间：{period}&#x3000;填报人：{who}&#x3000;审核人：{reviewer}&#x3000;日期：{day}&#x3000;{locked}</translation>
    </message>
    <message>
        <source>Closed on {day}</source>
        <translation>已于{day}报送</translation>
    </message>
    <message>
        <source>Expected {expected}, reported {reported} (zero reports {zero}), missing {missing}; reporting rate {rate}; on time (within {days} days) {on_time}.</source>
        <translation>应报 {expected}，已报 {reported}（其中零上报 {zero}），未报 {missing}；报送率 {rate}；按时报送（期末后{days}天内）{on_time}。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Corrections ({n})</source>
        <translation>更正（{n}）</translation>
    </message>
    <message>
        <source>Monthly trend</source>
        <translation>逐月趋势</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>调解成功</translation>
    </message>
    <message>
        <source>Mediated</source>
        <translation>调解</translation>
    </message>
    <message>
        <source>By committee</source>
        <translation>按调委会</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>导出统计报表</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Export reminder list</source>
        <translation>导出催报名单</translation>
    </message>
    <message>
        <source>Lock the report of {period}? Do this when it has been sent upward: later changes to the period will show as corrections.</source>
        <translation>锁定{period}的报表？请在报表上报后锁定：此后该期间的变动将显示为更正。</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>已锁定。</translation>
    </message>
    <message>
        <source>Close {period}? These are the month&apos;s figures:</source>
        <translation>报送{period}？本月数据如下：</translation>
    </message>
    <message>
        <source>nothing recorded — this will be a zero report.</source>
        <translation>本月无案件——将作为零上报。</translation>
    </message>
    <message>
        <source>Zero report sent.</source>
        <translation>已零上报。</translation>
    </message>
    <message>
        <source>Month closed.</source>
        <translation>本月已报送。</translation>
    </message>
</context>
<context>
    <name>SyncDialogs</name>
    <message>
        <source>Restore keys</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>Receipt for a village</source>
        <translation>为村导出回执</translation>
    </message>
    <message>
        <source>Which village is the receipt for?</source>
        <translation>为哪个村导出回执？</translation>
    </message>
    <message>
        <source> ({n} deleted)</source>
        <translation>（删除 {n}）</translation>
    </message>
    <message>
        <source>no changed records</source>
        <translation>无记录变更</translation>
    </message>
    <message>
        <source>{records}; {audit} log entries; {files} attached files</source>
        <translation>{records}；操作记录 {audit} 条；附件 {files} 个</translation>
    </message>
    <message>
        <source>The enrolment file was not imported (import it later from the Data exchange menu)</source>
        <translation>登记文件未导入（可以以后从“数据交换”菜单导入）</translation>
    </message>
    <message>
        <source>This desk now reports to {office}.

The office&apos;s fingerprint: {office_fp}
Compare it with the office&apos;s screen.

This desk&apos;s fingerprint: {own_fp}
The office compares it when it receives this desk&apos;s first data file.</source>
        <translation>本站已登记到{office}。

司法所指纹：{office_fp}
请与司法所屏幕上的指纹核对。

本站指纹：{own_fp}
司法所接收本站第一个同步包时核对。</translation>
    </message>
    <message>
        <source>This enrolment file had already been imported; nothing was changed.</source>
        <translation>此登记文件已导入过，未作任何更改。</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>登记完成</translation>
    </message>
</context>
<context>
    <name>SyncFiles</name>
    <message>
        <source>Village data files</source>
        <translation>村同步包</translation>
    </message>
    <message>
        <source>Receipts from the office</source>
        <translation>司法所回执</translation>
    </message>
    <message>
        <source>Enrolment files</source>
        <translation>登记文件</translation>
    </message>
    <message>
        <source>Key backups</source>
        <translation>密钥备份</translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <source>Data e&amp;xchange</source>
        <translation>数据交换(&amp;X)</translation>
    </message>
    <message>
        <source>Import the office&apos;s &amp;enrolment file…</source>
        <translation>导入司法所的登记文件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Export data for the office…</source>
        <translation>导出报送司法所的数据(&amp;E)…</translation>
    </message>
    <message>
        <source>Import a &amp;receipt from the office…</source>
        <translation>导入司法所的回执(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Import a village&apos;s data…</source>
        <translation>导入村的数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Export a &amp;receipt for a village…</source>
        <translation>为村导出回执(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>同步冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Villages…</source>
        <translation>村调委会(&amp;V)…</translation>
    </message>
    <message>
        <source>Import &amp;log…</source>
        <translation>导入记录(&amp;L)…</translation>
    </message>
    <message>
        <source>Export the enrolment file for &amp;villages…</source>
        <translation>导出供村导入的登记文件(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Site information…</source>
        <translation>本站信息(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Back up keys…</source>
        <translation>备份密钥(&amp;B)…</translation>
    </message>
    <message>
        <source>Res&amp;tore keys…</source>
        <translation>恢复密钥(&amp;T)…</translation>
    </message>
    <message>
        <source>The office&apos;s enrolment file</source>
        <translation>司法所的登记文件</translation>
    </message>
    <message>
        <source>This desk reports to {current} (fingerprint {current_fp}). Report to {new} (fingerprint {new_fp}) from now on instead?</source>
        <translation>本站目前向{current}报送（指纹 {current_fp}）。今后改为向{new}报送（指纹 {new_fp}）吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>更换</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Importing the enrolment file…</source>
        <translation>正在导入登记文件…</translation>
    </message>
    <message>
        <source>Save the data for the office</source>
        <translation>保存报送司法所的数据</translation>
    </message>
    <message>
        <source>Writing the data file…</source>
        <translation>正在生成同步包…</translation>
    </message>
    <message>
        <source>Saved {path} for {office}.

It holds: {contents}.

Take it to the township office. Everything the office has not yet acknowledged is sent again next time, so a lost stick loses nothing.</source>
        <translation>已为{office}保存：{path}

内容：{contents}。

请把它送到乡镇司法所。司法所尚未确认收到的内容下次会再次发送，U盘丢了也不会丢数据。</translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation>数据已导出</translation>
    </message>
    <message>
        <source>A receipt from the office</source>
        <translation>司法所的回执</translation>
    </message>
    <message>
        <source>Importing the receipt…</source>
        <translation>正在导入回执…</translation>
    </message>
    <message>
        <source>Save the enrolment file for villages</source>
        <translation>保存供村导入的登记文件</translation>
    </message>
    <message>
        <source>Saved {path}.

Give it to each village (on a USB stick). This office&apos;s fingerprint is {fp}: villages compare it with their screen after importing the file.</source>
        <translation>已保存：{path}

请用U盘交给各村。本所指纹是 {fp}：村里导入后与屏幕上的指纹核对。</translation>
    </message>
    <message>
        <source>Enrolment file exported</source>
        <translation>登记文件已导出</translation>
    </message>
    <message>
        <source>A village&apos;s data file</source>
        <translation>村的同步包</translation>
    </message>
    <message>
        <source>No village has been accepted yet: import a village&apos;s data first.</source>
        <translation>尚未接受任何村：请先导入村的数据。</translation>
    </message>
    <message>
        <source>Save the receipt for {village}</source>
        <translation>保存给{village}的回执</translation>
    </message>
    <message>
        <source>Writing the receipt…</source>
        <translation>正在生成回执…</translation>
    </message>
    <message>
        <source>Saved receipt No. {no} for {village}: {path}.

It acknowledges the village&apos;s changes up to number {seq} and carries the office&apos;s comments, approvals and returns of its cases.</source>
        <translation>已保存给{village}的第 {no} 号回执：{path}

回执确认收到该村序号 {seq} 以前的记录，并带回本所对其案件的意见、审核和退回。</translation>
    </message>
    <message>
        <source>Receipt exported</source>
        <translation>回执已导出</translation>
    </message>
    <message>
        <source>Save the key backup</source>
        <translation>保存密钥备份</translation>
    </message>
    <message>
        <source>Passphrase for the key backup</source>
        <translation>密钥备份的口令</translation>
    </message>
    <message>
        <source>The keys are backed up to {path}. Keep the passphrase apart from the file.</source>
        <translation>密钥已备份到 {path}。请把口令与备份文件分开保管。</translation>
    </message>
    <message>
        <source>Keys backed up</source>
        <translation>密钥已备份</translation>
    </message>
    <message>
        <source>Backing up the keys…</source>
        <translation>正在备份密钥…</translation>
    </message>
    <message>
        <source>A key backup</source>
        <translation>密钥备份文件</translation>
    </message>
    <message>
        <source>Keys restored: {name} ({role}), fingerprint {fp}.</source>
        <translation>密钥已恢复：{name}（{role}），指纹 {fp}。</translation>
    </message>
    <message>
        <source>Keys restored</source>
        <translation>密钥已恢复</translation>
    </message>
    <message>
        <source>Restoring the keys…</source>
        <translation>正在恢复密钥…</translation>
    </message>
</context>
<context>
    <name>TextSize</name>
    <message>
        <source>&amp;Standard</source>
        <translation>标准(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Large</source>
        <translation>大(&amp;L)</translation>
    </message>
    <message>
        <source>E&amp;xtra large</source>
        <translation>特大(&amp;X)</translation>
    </message>
    <message>
        <source>Text si&amp;ze</source>
        <translation>文字大小(&amp;Z)</translation>
    </message>
    <message>
        <source>La&amp;rger text</source>
        <translation>放大文字(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>缩小文字(&amp;M)</translation>
    </message>
</context>
<context>
    <name>TodoPanel</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the to-do list again</source>
        <translation>重新读取待办事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>The to-do list could not be read</source>
        <translation>无法读取待办事项</translation>
    </message>
    <message>
        <source>{n} items due on {day}</source>
        <translation>{day}共有{n}项待办</translation>
    </message>
    <message>
        <source>Nothing due on {day}</source>
        <translation>{day}没有待办事项</translation>
    </message>
    <message>
        <source>{label} ({n})</source>
        <translation>{label}（{n}项）</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>……另有{n}项</translation>
    </message>
    <message>
        <source>Click an item (or press Enter) to open its case.</source>
        <translation>单击某一项（或按回车）打开该案件。</translation>
    </message>
</context>
<context>
    <name>VillagesDialog</name>
    <message>
        <source>Villages</source>
        <translation>村调委会</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村调委会</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Changes received up to</source>
        <translation>已收到序号</translation>
    </message>
    <message>
        <source>Receipts sent</source>
        <translation>已发回执</translation>
    </message>
    <message>
        <source>Last data imported</source>
        <translation>最近导入</translation>
    </message>
    <message>
        <source>Export &amp;receipt…</source>
        <translation>导出回执(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>吊销(&amp;V)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>A village is accepted when the office imports its first data file and the fingerprints match. A revoked village&apos;s files are refused; its cases stay.</source>
        <translation>司法所导入某村的第一个同步包并核对指纹无误后，即接受该村。被吊销的村，其文件将被拒绝；已导入的案件保留。</translation>
    </message>
    <message>
        <source>Revoke {village}? Its files will be refused from now on; the cases already here stay. To take it back, accept its next file after comparing the fingerprint again.</source>
        <translation>吊销{village}吗？此后拒绝其文件；已导入的案件保留。如需恢复，请再次核对指纹后接受其下一个文件。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void agreement {no}</source>
        <translation>作废协议{no}</translation>
    </message>
    <message>
        <source>Only an agreement not yet in force can be voided. A voided agreement keeps its number and stays on record. Voiding the main agreement sends the case back to mediation (mediate again, or end it).</source>
        <translation>只有尚未生效的协议可以作废。作废的协议保留编号和记录。作废主协议后，案件回到调解中（可以重新调解，或终止调解）。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>作废理由</translation>
    </message>
    <message>
        <source>Voided on</source>
        <translation>作废日期</translation>
    </message>
</context>
<context>
    <name>_SittingDialog</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>e.g. 14:30</source>
        <translation>例如 14:30</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>e.g. 15:10</source>
        <translation>例如 15:10</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
</context>
</TS>
