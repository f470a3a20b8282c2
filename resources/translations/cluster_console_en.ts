<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>日志完整：共 {n} 条，链头哈希 {hash}</source>
        <translation>Journal intact: {n} entries, head hash {hash}</translation>
    </message>
    <message>
        <source>日志已被篡改：共 {n} 条</source>
        <translation>Journal has been tampered with: {n} entries</translation>
    </message>
    <message>
        <source>{n} 个锚点均在日志链上（{path}）</source>
        <translation>All {n} anchors are on the journal&apos;s chain ({path})</translation>
    </message>
    <message>
        <source>已记录锚点：第 {seq} 条，哈希 {hash}，时间 {at} → {path}</source>
        <translation>Anchor recorded: entry {seq}, hash {hash}, time {at} → {path}</translation>
    </message>
    <message>
        <source>校验日志哈希链（审计管理员）</source>
        <translation>Verify the journal&apos;s hash chain (audit administrator)</translation>
    </message>
    <message>
        <source>核对锚点文件中的每个锚点</source>
        <translation>check every anchor recorded in the anchors file</translation>
    </message>
    <message>
        <source>把当前链头（序号、哈希、时间）追加到锚点文件（审计管理员）</source>
        <translation>append the journal&apos;s current head (sequence, hash, time) to the anchors file (audit administrator)</translation>
    </message>
    <message>
        <source>锚点文件（默认：用户数据目录中的 journal-anchors.jsonl）</source>
        <translation>anchors file (default: journal-anchors.jsonl in the user data folder)</translation>
    </message>
    <message>
        <source>{url}：结构版本 {before} → {after}</source>
        <translation>{url}: schema version {before} → {after}</translation>
    </message>
    <message>
        <source>{url}：当前结构版本 {current}，最新 {head}</source>
        <translation>{url}: schema version {current}, latest {head}</translation>
    </message>
    <message>
        <source>数据库结构版本</source>
        <translation>Database schema version</translation>
    </message>
    <message>
        <source>升级到最新结构版本</source>
        <translation>Upgrade to the newest schema version</translation>
    </message>
    <message>
        <source>显示当前结构版本</source>
        <translation>Show the current schema version</translation>
    </message>
    <message>
        <source>{url}：职责角色已按清单建立或更新（{n} 条语句，前缀 {prefix}）</source>
        <translation>{url}: duty roles created or brought up to date from the list ({n} statements, prefix {prefix})</translation>
    </message>
    <message>
        <source>{url}：职责角色与清单一致（前缀 {prefix}）</source>
        <translation>{url}: the duty roles match the list (prefix {prefix})</translation>
    </message>
    <message>
        <source>{url}：职责角色与清单不一致（前缀 {prefix}）：</source>
        <translation>{url}: the duty roles differ from the list (prefix {prefix}):</translation>
    </message>
    <message>
        <source>缺少角色 {role}</source>
        <translation>missing role {role}</translation>
    </message>
    <message>
        <source>缺少权限 {privilege}</source>
        <translation>missing privilege {privilege}</translation>
    </message>
    <message>
        <source>多出权限 {privilege}</source>
        <translation>extra privilege {privilege}</translation>
    </message>
    <message>
        <source>嵌入式 SQLite 数据库只供单个操作员使用，没有数据库角色；请用 --engine postgresql 或 --engine mariadb 打印，或用 --db 指明服务器数据库。</source>
        <translation>The embedded SQLite database is for a single operator and has no database roles; print with --engine postgresql or --engine mariadb, or name a server database with --db.</translation>
    </message>
    <message>
        <source>角色前缀只能由小写字母、数字和下划线组成，且以字母开头：{prefix}</source>
        <translation>A role prefix may contain only lower-case letters, digits and underscores, and must start with a letter: {prefix}</translation>
    </message>
    <message>
        <source>已建立数据库登录 {login}，口令 {password}（只显示这一次；请交给本人，在连接数据库时填写）</source>
        <translation>Database login {login} created, password {password} (shown this once; hand it to its owner, who enters it when connecting to the database)</translation>
    </message>
    <message>
        <source>（空库）</source>
        <translation>(empty database)</translation>
    </message>
    <message>
        <source>当前数据库连接不能管理或读取角色（请用数据库所有者的连接）：{detail}</source>
        <translation>The current database connection cannot manage or read roles (use the database owner&apos;s connection): {detail}</translation>
    </message>
    <message>
        <source>已把数据库登录 {login} 调整为新职责的角色</source>
        <translation>Database login {login} now holds its new duties&apos; roles</translation>
    </message>
    <message>
        <source>-- 以数据库所有者身份连接站群数据库后执行；再次执行会撤销清单以外的权限。</source>
        <translation>-- Run connected to the cluster database as its owner; running it again revokes whatever is not on the list.</translation>
    </message>
    <message>
        <source>-- 以数据库所有者身份连接站群数据库（USE 站群库）后执行；REVOKE 会撤销这些角色在本服务器所有库上的权限，每个站群库请用不同的 --prefix。</source>
        <translation>-- Run connected to the cluster database (USE it) as its owner; REVOKE removes these roles&apos; privileges on every database of this server, so give each cluster database its own --prefix.</translation>
    </message>
    <message>
        <source>各职责的数据库角色（打印、建立、核对）</source>
        <translation>database roles per duty (print, apply, check)</translation>
    </message>
    <message>
        <source>打印建立角色的 SQL，供数据库管理员审阅</source>
        <translation>print the SQL that creates the roles, for a DBA to review</translation>
    </message>
    <message>
        <source>建立或更新角色（用数据库所有者的连接）</source>
        <translation>create or update the roles (with the database owner&apos;s connection)</translation>
    </message>
    <message>
        <source>核对角色权限与清单是否一致，不一致时以非零状态退出</source>
        <translation>check the roles&apos; privileges against the list; exit nonzero on drift</translation>
    </message>
    <message>
        <source>打印哪种数据库的 SQL</source>
        <translation>which database&apos;s SQL to print</translation>
    </message>
    <message>
        <source>角色名前缀（默认 cc）</source>
        <translation>role name prefix (default cc)</translation>
    </message>
    <message>
        <source>PostgreSQL 模式（仅 --print）</source>
        <translation>PostgreSQL schema (--print only)</translation>
    </message>
    <message>
        <source>打印（或建立）操作员所需的数据库登录</source>
        <translation>print (or create) the database login an operator needs</translation>
    </message>
    <message>
        <source>数据库登录名（与操作员用户名相同）</source>
        <translation>database login name (the operator&apos;s user name)</translation>
    </message>
    <message>
        <source>职责</source>
        <translation>duty</translation>
    </message>
    <message>
        <source>角色名前缀（默认：db roles --apply 记录的前缀，或 cc）</source>
        <translation>role name prefix (default: the prefix recorded by db roles --apply, or cc)</translation>
    </message>
    <message>
        <source>原有职责：改为打印（或执行）把已有登录调整到新职责角色的 SQL</source>
        <translation>previous duty: print (or run) the SQL that moves an existing login to the new duties&apos; roles</translation>
    </message>
    <message>
        <source>用当前连接建立登录并显示生成的口令</source>
        <translation>create the login with the current connection and show the generated password</translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>这项操作会修改站群数据，请用 --user 指明操作员（只读的操作可不指明）。</source>
        <translation>This command changes the cluster&apos;s data: name the operator with --user (read-only commands may omit it).</translation>
    </message>
    <message>
        <source>{username} 使用的是安全管理员重置的临时密码，请先修改：cluster-console password --user {username}</source>
        <translation>{username} is using a temporary password set by the security administrator; change it first: cluster-console password --user {username}</translation>
    </message>
    <message>
        <source>标准输入中没有密码（第一行为空），未尝试登录。</source>
        <translation>No password on standard input (the first line is empty); no login was attempted.</translation>
    </message>
    <message>
        <source>没有终端可以输入密码：请用 --password-stdin 从标准输入提供密码。</source>
        <translation>There is no terminal to type a password at: give it on standard input with --password-stdin.</translation>
    </message>
    <message>
        <source>操作员用户名</source>
        <translation>Operator&apos;s user name</translation>
    </message>
    <message>
        <source>从标准输入读取密码</source>
        <translation>Read the password from standard input</translation>
    </message>
    <message>
        <source>本机没有可用的系统密钥环</source>
        <translation>No system keyring is available on this computer</translation>
    </message>
    <message>
        <source>系统密钥环已锁定，未能解锁</source>
        <translation>The system keyring is locked and could not be unlocked</translation>
    </message>
    <message>
        <source>系统密钥环在 {seconds} 秒内没有响应</source>
        <translation>The system keyring did not respond within {seconds} seconds</translation>
    </message>
    <message>
        <source>密钥环后端 {backend} 把密码以文件形式保存，不安全，未使用</source>
        <translation>Keyring back end {backend} keeps passwords in a plain file, which is not secure, so it was not used</translation>
    </message>
    <message>
        <source>系统密钥环已被停用</source>
        <translation>The system keyring has been disabled</translation>
    </message>
    <message>
        <source>系统密钥环出错：{detail}</source>
        <translation>System keyring error: {detail}</translation>
    </message>
    <message>
        <source>无法连接数据库 {url}：{detail}</source>
        <translation>Cannot connect to database {url}: {detail}</translation>
    </message>
    <message>
        <source>文件夹 {folder} 不存在。</source>
        <translation>Folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>数据库文件 {path} 尚不存在，连接时将新建并初始化。</source>
        <translation>Database file {path} does not exist yet; it will be created and initialised when you connect.</translation>
    </message>
    <message>
        <source>连接成功：{version}，数据库结构为最新版本（{revision}）。</source>
        <translation>Connected: {version}. The database schema is up to date ({revision}).</translation>
    </message>
    <message>
        <source>连接成功：{version}。该数据库尚未初始化，连接时将自动初始化。</source>
        <translation>Connected: {version}. The database is not initialised yet; it will be initialised automatically when you connect.</translation>
    </message>
    <message>
        <source>连接成功：{version}。该数据库尚未初始化，请由数据库管理员执行：cluster-console --db {url} db upgrade</source>
        <translation>Connected: {version}. The database is not initialised yet. Ask the database administrator to run: cluster-console --db {url} db upgrade</translation>
    </message>
    <message>
        <source>连接成功：{version}。数据库结构版本为 {revision}，连接时将升级到 {head}。</source>
        <translation>Connected: {version}. The database schema is at version {revision}; it will be upgraded to {head} when you connect.</translation>
    </message>
    <message>
        <source>连接成功：{version}。数据库结构版本为 {revision}，本程序需要 {head}。请由数据库管理员执行：cluster-console --db {url} db upgrade</source>
        <translation>Connected: {version}. The database schema is at version {revision}; this program needs {head}. Ask the database administrator to run: cluster-console --db {url} db upgrade</translation>
    </message>
    <message>
        <source>连接成功：{version}。数据库结构版本 {revision} 比本程序认识的版本新，请升级本程序。</source>
        <translation>Connected: {version}. Database schema version {revision} is newer than this program supports; please upgrade Cluster Console.</translation>
    </message>
    <message>
        <source>请填写连接名称。</source>
        <translation>Enter a connection name.</translation>
    </message>
    <message>
        <source>已有名为“{name}”的连接，请换一个名称。</source>
        <translation>A connection named “{name}” already exists; choose another name.</translation>
    </message>
    <message>
        <source>没有名为“{name}”的连接。</source>
        <translation>There is no connection named “{name}”.</translation>
    </message>
    <message>
        <source>请填写数据库地址。</source>
        <translation>Enter the database address.</translation>
    </message>
    <message>
        <source>数据库地址无法识别：{url}。格式如 postgresql+psycopg://用户@主机:5432/库名</source>
        <translation>Database address not recognised: {url}. Expected a form like postgresql+psycopg://user@host:5432/database</translation>
    </message>
    <message>
        <source>不支持的数据库类型“{driver}”。请使用 sqlite:///文件路径、postgresql+psycopg://用户@主机:端口/库名 或 mysql+pymysql://用户@主机:端口/库名。</source>
        <translation>Unsupported database type “{driver}”. Use sqlite:///file-path, postgresql+psycopg://user@host:port/database or mysql+pymysql://user@host:port/database.</translation>
    </message>
    <message>
        <source>SQLite 地址需要指明数据库文件，例如 sqlite:///D:/站群/cluster.sqlite3。</source>
        <translation>An SQLite address must name the database file, e.g. sqlite:///D:/Cluster/cluster.sqlite3.</translation>
    </message>
    <message>
        <source>数据库地址 {url} 缺少主机名。</source>
        <translation>Database address {url} has no host name.</translation>
    </message>
    <message>
        <source>数据库地址 {url} 缺少库名（地址末尾的 /库名）。</source>
        <translation>Database address {url} has no database name (the /database at the end of the address).</translation>
    </message>
    <message>
        <source>连接配置文件 {path} 无法读取：{detail}</source>
        <translation>Cannot read connection settings file {path}: {detail}</translation>
    </message>
    <message>
        <source>内容格式不对</source>
        <translation>the content is not in the expected format</translation>
    </message>
    <message>
        <source>数据库 {url} 的结构版本为 {current}，本程序需要 {head}。请由数据库管理员执行：cluster-console --db {url} db upgrade</source>
        <translation>Database {url} has schema version {current}; this program needs {head}. Ask the database administrator to run: cluster-console --db {url} db upgrade</translation>
    </message>
    <message>
        <source>数据库 {url} 的结构版本 {current} 比本程序新（本程序最新为 {head}）：这个数据库已由更新版本的控制台升级，请更新控制台。</source>
        <translation>Database {url} is at schema version {current}, newer than this program (whose newest is {head}): a newer console has upgraded it. Update the console.</translation>
    </message>
    <message>
        <source>数据库 {url} 中这些表不是 utf8mb4 字符集：{tables}。请先转换为 utf8mb4 再使用。</source>
        <translation>These tables of database {url} are not in the utf8mb4 character set: {tables}. Convert them to utf8mb4 first.</translation>
    </message>
    <message>
        <source>数据库 {url} 的默认字符集是 {charset}，中文内容需要 utf8mb4。请用 CREATE DATABASE … CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci 建库。</source>
        <translation>Database {url} has default character set {charset}, but Chinese content needs utf8mb4. Create the database with CREATE DATABASE … CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci.</translation>
    </message>
    <message>
        <source>数据库中已有站点或操作员，演示站群只能生成到空数据库中。</source>
        <translation>The database already contains sites or operators; a demo cluster can only be generated in an empty database.</translation>
    </message>
    <message>
        <source>演示站群的站点数应在 {low} 到 {high} 之间，收到 {value}。</source>
        <translation>A demo cluster must have between {low} and {high} sites; got {value}.</translation>
    </message>
    <message>
        <source>演示站群的稿件数应在 0 到 {high} 之间，收到 {value}。</source>
        <translation>A demo cluster must have between 0 and {high} posts; got {value}.</translation>
    </message>
    <message>
        <source>准备演示数据</source>
        <translation>Preparing demo data</translation>
    </message>
    <message>
        <source>生成站点与栏目</source>
        <translation>Generating sites and columns</translation>
    </message>
    <message>
        <source>生成账号与授权</source>
        <translation>Generating accounts and grants</translation>
    </message>
    <message>
        <source>生成稿件</source>
        <translation>Generating posts</translation>
    </message>
    <message>
        <source>演示站群已生成</source>
        <translation>Demo cluster generated</translation>
    </message>
    <message>
        <source>数据库连接中断：{detail}</source>
        <translation>Database connection lost: {detail}</translation>
    </message>
    <message>
        <source>数据库连接中断：无法连接数据库服务器（地址或端口不对、服务器未启动，或网络不通），请核对数据库地址。</source>
        <translation>Database connection lost: cannot reach the database server (wrong address or port, the server is not running, or no network); check the database URL.</translation>
    </message>
    <message>
        <source>数据库服务器拒绝登录：用户名或密码不对，或该用户无权从本机连接。</source>
        <translation>The database server refused the login: wrong user name or password, or the user may not connect from this machine.</translation>
    </message>
    <message>
        <source>数据库服务器上没有这个数据库：请核对库名，或先由数据库管理员建库。</source>
        <translation>The database server has no such database: check its name, or have the database administrator create it first.</translation>
    </message>
    <message>
        <source>无法打开 SQLite 数据库文件：所在文件夹不存在或没有写权限。</source>
        <translation>Cannot open the SQLite database file: its folder does not exist or cannot be written.</translation>
    </message>
    <message>
        <source>磁盘空间不足，无法写入：{detail}</source>
        <translation>Not enough disk space to write: {detail}</translation>
    </message>
    <message>
        <source>不支持的导出格式：{suffix}（可用 .csv 或 .xlsx）</source>
        <translation>Unsupported export format: {suffix} (use .csv or .xlsx)</translation>
    </message>
    <message>
        <source>文件夹 {folder} 不存在，无法写入 {name}。</source>
        <translation>Folder {folder} does not exist; {name} cannot be written.</translation>
    </message>
    <message>
        <source>无法写入 {path}：没有权限，或该位置是文件夹。</source>
        <translation>Cannot write {path}: no permission, or it is a folder.</translation>
    </message>
    <message>
        <source>省级门户</source>
        <translation>Provincial portal</translation>
    </message>
    <message>
        <source>市级门户</source>
        <translation>City portal</translation>
    </message>
    <message>
        <source>县级门户</source>
        <translation>County portal</translation>
    </message>
    <message>
        <source>部门网站</source>
        <translation>Department site</translation>
    </message>
    <message>
        <source>专题网站</source>
        <translation>Special-topic site</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已挂标</source>
        <translation>Badged</translation>
    </message>
    <message>
        <source>ICP备案</source>
        <translation>ICP filed</translation>
    </message>
    <message>
        <source>公安备案</source>
        <translation>PSB filed</translation>
    </message>
    <message>
        <source>已获标识码</source>
        <translation>Coded</translation>
    </message>
    <message>
        <source>运行</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>变更</source>
        <translation>Changing</translation>
    </message>
    <message>
        <source>整合迁移</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>永久下线</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>发布</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <source>站点管理员</source>
        <translation>Site administrator</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>近期到期</source>
        <translation>Coming up</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>缺少ICP备案号：网站处于“{state}”阶段，应已完成ICP备案。</source>
        <translation>ICP filing number missing: the site is at stage “{state}” and should have completed its ICP filing.</translation>
    </message>
    <message>
        <source>缺少公安联网备案号：网站处于“{state}”阶段，应已完成公安备案。</source>
        <translation>Public security filing number missing: the site is at stage “{state}” and should have completed its public security filing.</translation>
    </message>
    <message>
        <source>公安联网备案逾期：网站 {opened} 开通，应在 {deadline} 前备案，已逾期 {days} 天。</source>
        <translation>Public security filing overdue: the site opened on {opened}, was due to file by {deadline} and is {days} days late.</translation>
    </message>
    <message>
        <source>公安联网备案应在 {deadline} 前完成（开通后 30 天内），还剩 {days} 天。</source>
        <translation>Public security filing due by {deadline} (within 30 days of opening); {days} days left.</translation>
    </message>
    <message>
        <source>公安联网备案晚于期限：开通后第 {days} 天（{filed}）才备案。</source>
        <translation>Public security filing was late: filed on day {days} after opening ({filed}).</translation>
    </message>
    <message>
        <source>未定级：运行中的网站应确定等级保护级别。</source>
        <translation>Not graded: a running site must have a protection level.</translation>
    </message>
    <message>
        <source>等保 {level} 级但未记录定级日期，无法计算备案和测评期限。</source>
        <translation>Protection level {level} without a grading date: filing and assessment deadlines cannot be computed.</translation>
    </message>
    <message>
        <source>等保备案逾期：{level} 级系统 {graded} 定级，应在 {deadline} 前到公安机关备案，已逾期 {days} 天。</source>
        <translation>Protection-level filing overdue: the level {level} system was graded on {graded}, was due to file with the police by {deadline} and is {days} days late.</translation>
    </message>
    <message>
        <source>等保备案应在 {deadline} 前完成（定级后 30 天内），还剩 {days} 天。</source>
        <translation>Protection-level filing due by {deadline} (within 30 days of grading); {days} days left.</translation>
    </message>
    <message>
        <source>等保备案晚于期限：定级后第 {days} 天（{filed}）才备案。</source>
        <translation>Protection-level filing was late: filed on day {days} after grading ({filed}).</translation>
    </message>
    <message>
        <source>已记录等保备案日期，但缺少备案证明编号。</source>
        <translation>A protection-level filing date is recorded but the filing form number is missing.</translation>
    </message>
    <message>
        <source>测评逾期：{level} 级系统每 {months} 个月测评一次，上次 {last}，应于 {due} 前完成，已逾期 {days} 天。</source>
        <translation>Assessment overdue: a level {level} system is assessed every {months} months; last on {last}, due by {due}, {days} days late.</translation>
    </message>
    <message>
        <source>从未测评：{level} 级系统 {graded} 定级，首次测评应于 {due} 前完成，已逾期 {days} 天。</source>
        <translation>Never assessed: the level {level} system was graded on {graded}; its first assessment was due by {due} and is {days} days late.</translation>
    </message>
    <message>
        <source>测评将于 {due} 到期（{level} 级，每 {months} 个月），还剩 {days} 天。</source>
        <translation>Assessment due on {due} (level {level}, every {months} months); {days} days left.</translation>
    </message>
    <message>
        <source>{assessed} 测评结论为“不符合”：须整改并复测。{notes}</source>
        <translation>The assessment of {assessed} found the system non-compliant: rectify and have it re-assessed. {notes}</translation>
    </message>
    <message>
        <source>站点无法访问：近 {days} 天 {failed}/{total} 次探测未能在 {timeout} 秒内打开首页（{share}%，达到 {limit}% 即判定无法访问）。</source>
        <translation>Site unreachable: over the last {days} days {failed}/{total} probes did not open the home page within {timeout} s ({share}%; {limit}% or more counts as unreachable).</translation>
    </message>
    <message>
        <source>可访问性暂无法判定：近 {days} 天共 {total} 次有效探测（{failed} 次失败），其中 {short} 天不足每天 {needed} 次。</source>
        <translation>Reachability cannot be judged yet: {total} counted probes over the last {days} days ({failed} failed), {short} of the days with fewer than {needed}.</translation>
    </message>
    <message>
        <source>首页重定向到未登记的域名 {host}（{when}）。</source>
        <translation>The home page redirects to the unregistered host {host} ({when}).</translation>
    </message>
    <message>
        <source>HTTPS 证书无效：{problem}（{when} 探测）。</source>
        <translation>Invalid HTTPS certificate: {problem} (probed {when}).</translation>
    </message>
    <message>
        <source>HTTPS 证书将于 {date} 到期，还剩 {days} 天。</source>
        <translation>The HTTPS certificate expires on {date}; {days} days left.</translation>
    </message>
    <message>
        <source>首页未通过 HTTPS 提供。</source>
        <translation>The home page is not served over HTTPS.</translation>
    </message>
    <message>
        <source>HTTP 访问未重定向到 HTTPS。</source>
        <translation>HTTP requests are not redirected to HTTPS.</translation>
    </message>
    <message>
        <source>首页不能通过 IPv6 访问。</source>
        <translation>The home page cannot be reached over IPv6.</translation>
    </message>
    <message>
        <source>首页页脚未显示登记的{what}。</source>
        <translation>The home page footer does not show the registered {what}.</translation>
    </message>
    <message>
        <source>最近一次探测失败：{error}</source>
        <translation>The latest probe failed: {error}</translation>
    </message>
    <message>
        <source>等保备案证明编号 {value} 的公安机关代码 {bureau} 不在网站所在省份（区划 {region}）。</source>
        <translation>等保 filing form number {value}: its bureau code {bureau} is not in the site&apos;s province (region {region}).</translation>
    </message>
    <message>
        <source>已于 {date} 过期</source>
        <translation>expired on {date}</translation>
    </message>
    <message>
        <source>证书链不受信任或与域名不符</source>
        <translation>the chain is not trusted or does not match the domain</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>待审</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>审核中</source>
        <translation>In review</translation>
    </message>
    <message>
        <source>已通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>已撤稿</source>
        <translation>Taken down</translation>
    </message>
    <message>
        <source>已加白</source>
        <translation>Whitelisted</translation>
    </message>
    <message>
        <source>动态要闻</source>
        <translation>News</translation>
    </message>
    <message>
        <source>通知公告</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>政策文件</source>
        <translation>Policy documents</translation>
    </message>
    <message>
        <source>信息公开</source>
        <translation>Information disclosure</translation>
    </message>
    <message>
        <source>办事服务</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>互动交流</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>无法读取词库文件 {file}：{detail}</source>
        <translation>Cannot read lexicon file {file}: {detail}</translation>
    </message>
    <message>
        <source>词库文件 {file} 不是 UTF-8 编码（第 {line} 行）。</source>
        <translation>Lexicon file {file} is not UTF-8 encoded (line {line}).</translation>
    </message>
    <message>
        <source>词库文件 {file} 第 {line} 行不是有效的 CSV：{detail}</source>
        <translation>Lexicon file {file}, line {line}: not valid CSV: {detail}</translation>
    </message>
    <message>
        <source>词库文件 {file} 的首行应为 term,category,severity（可再加 note 列），实际为：{found}</source>
        <translation>The first line of lexicon file {file} should be term,category,severity (optionally followed by note); found: {found}</translation>
    </message>
    <message>
        <source>词库文件 {file} 第 {line} 行应有 {expected} 列，实际有 {found} 列。</source>
        <translation>Lexicon file {file}, line {line}: expected {expected} fields, found {found}.</translation>
    </message>
    <message>
        <source>词库文件 {file} 第 {line} 行的词条为空或超过 {limit} 个字符。</source>
        <translation>Lexicon file {file}, line {line}: the term is empty or longer than {limit} characters.</translation>
    </message>
    <message>
        <source>词库文件 {file} 第 {line} 行的类别为空或超过 {limit} 个字符。</source>
        <translation>Lexicon file {file}, line {line}: the category is empty or longer than {limit} characters.</translation>
    </message>
    <message>
        <source>词库文件 {file} 第 {line} 行的严重程度 {value} 应为 1、2 或 3。</source>
        <translation>Lexicon file {file}, line {line}: severity {value} must be 1, 2 or 3.</translation>
    </message>
    <message>
        <source>词库文件 {file} 第 {line} 行的说明超过 {limit} 个字符。</source>
        <translation>Lexicon file {file}, line {line}: the note is longer than {limit} characters.</translation>
    </message>
    <message>
        <source>词库文件 {file} 第 {line} 行的 {text} 与第 {first} 行重复。</source>
        <translation>Lexicon file {file}, line {line}: {text} duplicates line {first}.</translation>
    </message>
    <message>
        <source>词库文件 {file} 没有任何词条。</source>
        <translation>Lexicon file {file} contains no terms.</translation>
    </message>
    <message>
        <source>白名单文件 {file} 第 {line} 行的短语超过 {limit} 个字符。</source>
        <translation>Whitelist file {file}, line {line}: the phrase is longer than {limit} characters.</translation>
    </message>
    <message>
        <source>白名单文件 {file} 第 {line} 行的 {text} 与第 {first} 行重复。</source>
        <translation>Whitelist file {file}, line {line}: {text} duplicates line {first}.</translation>
    </message>
    <message>
        <source>无法读取栏目预设文件 {file}：{detail}</source>
        <translation>Cannot read column preset file {file}: {detail}</translation>
    </message>
    <message>
        <source>栏目预设文件 {file} 不是有效的 JSON（第 {line} 行第 {column} 列）。</source>
        <translation>Column preset file {file} is not valid JSON (line {line}, character {column}).</translation>
    </message>
    <message>
        <source>栏目预设文件 {file}：{where} 应为 JSON 对象。</source>
        <translation>Column preset file {file}: {where} must be a JSON object.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file}：{where} 缺少字段 {field}。</source>
        <translation>Column preset file {file}: {where} is missing field {field}.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file}：{where} 含有未知字段 {field}。</source>
        <translation>Column preset file {file}: {where} has unknown field {field}.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file}：{where} 的 {field} 应为非空文本，且不超过 {limit} 个字符。</source>
        <translation>Column preset file {file}: {field} at {where} must be non-empty text of at most {limit} characters.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file}：{where} 的 {field} 应为 true 或 false。</source>
        <translation>Column preset file {file}: {field} at {where} must be true or false.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file}：{where} 的 max_idle_days 应为 1 至 {limit} 的整数或 null。</source>
        <translation>Column preset file {file}: max_idle_days of {where} must be a whole number from 1 to {limit}, or null.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file} 嵌套层次过深，不是栏目预设。</source>
        <translation>Column preset file {file} is nested too deeply to be a column preset.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file} 超过 {limit} MB，不是栏目预设。</source>
        <translation>Column preset file {file} is larger than {limit} MB: not a column preset.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file} 含有位数过多、无法读取的数字。</source>
        <translation>Column preset file {file} holds a number with too many digits to read.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file}：{where} 的 {field} 应为列表。</source>
        <translation>Column preset file {file}: {field} at {where} must be a list.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file} 没有任何栏目。</source>
        <translation>Column preset file {file} contains no columns.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file}：site_kind 的值 {value} 不是站点类型，可用的有：{allowed}。</source>
        <translation>Column preset file {file}: site_kind value {value} is not a site type; allowed: {allowed}.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file}：{where} 的栏目类型 {value} 无效，可用的有：{allowed}。</source>
        <translation>Column preset file {file}: column type {value} at {where} is not valid; allowed: {allowed}.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file}：{where} 的栏目代码 {code} 只能由小写字母、数字和下划线组成，以字母开头，不超过 64 个字符。</source>
        <translation>Column preset file {file}: column code {code} at {where} may contain only lower-case letters, digits and underscores, must start with a letter and must be at most 64 characters long.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file}：{where} 的栏目代码 {code} 与 {first} 重复。</source>
        <translation>Column preset file {file}: column code {code} at {where} duplicates the one at {first}.</translation>
    </message>
    <message>
        <source>栏目预设文件 {file}：{where} 超过了 {limit} 级栏目。</source>
        <translation>Column preset file {file}: {where} is nested deeper than {limit} column levels.</translation>
    </message>
    <message>
        <source>编辑人员账号</source>
        <translation>Editor accounts</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>所属网站</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>账号只能由小写字母、数字和 . _ - 组成，长度 2 到 64：{username}</source>
        <translation>An account name may contain only lower-case letters, digits and . _ -, 2 to 64 characters: {username}</translation>
    </message>
    <message>
        <source>账号 {username} 已存在。</source>
        <translation>Account {username} already exists.</translation>
    </message>
    <message>
        <source>账号 {username} 在文件中重复（第 {first} 行已有）。</source>
        <translation>Account {username} appears twice in the file (already on line {first}).</translation>
    </message>
    <message>
        <source>请填写姓名。</source>
        <translation>Please enter the name.</translation>
    </message>
    <message>
        <source>请填写单位。</source>
        <translation>Please enter the organisation.</translation>
    </message>
    <message>
        <source>手机号 {phone} 不是大陆手机号（11 位，以 13–19 开头）。</source>
        <translation>{phone} is not a mainland mobile number (11 digits starting 13–19).</translation>
    </message>
    <message>
        <source>邮箱 {email} 格式不正确。</source>
        <translation>Email address {email} is malformed.</translation>
    </message>
    <message>
        <source>网站标识码 {code} 不存在。</source>
        <translation>Site code {code} does not exist.</translation>
    </message>
    <message>
        <source>网站 {code} 已下线或整合迁移，不能再开设账号。</source>
        <translation>Site {code} is retired or merged; no new accounts can be opened on it.</translation>
    </message>
    <message>
        <source>编辑账号 {id} 不存在。</source>
        <translation>Editor account {id} does not exist.</translation>
    </message>
    <message>
        <source>账号 {username} 未被锁定。</source>
        <translation>Account {username} is not locked.</translation>
    </message>
    <message>
        <source>导入文件缺少列：{headings}</source>
        <translation>The import file lacks the columns: {headings}</translation>
    </message>
    <message>
        <source>无法读取导入文件：{error}</source>
        <translation>Cannot read the import file: {error}</translation>
    </message>
    <message>
        <source>{n} 行有错误，未导入任何账号。请先在预览中修正。</source>
        <translation>{n} rows have errors; no account was imported. Fix them as the preview shows first.</translation>
    </message>
    <message>
        <source>导入文件没有数据行。</source>
        <translation>The import file has no data rows.</translation>
    </message>
    <message>
        <source>账号信息有误：{problems}</source>
        <translation>The account&apos;s particulars are wrong: {problems}</translation>
    </message>
    <message>
        <source>第 {line} 行（{code}）：{problems}</source>
        <translation>Row {line} ({code}): {problems}</translation>
    </message>
    <message>
        <source>第 {line} 行（{number}）：{problems}</source>
        <translation>Line {line} ({number}): {problems}</translation>
    </message>
    <message>
        <source>共 {total} 行，{bad} 行有问题。</source>
        <translation>{total} rows, {bad} with problems.</translation>
    </message>
    <message>
        <source>以下列属于留言人的个人信息，没有导入：{headings}</source>
        <translation>These columns hold the askers&apos; personal data and were not imported: {headings}</translation>
    </message>
    <message>
        <source>以下列控制台不保存，已略过：{headings}</source>
        <translation>These columns are not kept by the console and were skipped: {headings}</translation>
    </message>
    <message>
        <source>收到</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>平均办理天数</source>
        <translation>Average days to close</translation>
    </message>
    <message>
        <source>公开答复</source>
        <translation>Answered publicly</translation>
    </message>
    <message>
        <source>{year} 年度留言，统计至 {until}，共 {sites} 个网站。</source>
        <translation>Messages of {year}, counted up to {until}, {sites} sites.</translation>
    </message>
    <message>
        <source>已导入：新增留言 {added} 条，更新 {updated} 条，新建渠道 {channels} 个。</source>
        <translation>Imported: {added} new messages, {updated} updated, {channels} new channels.</translation>
    </message>
    <message>
        <source>互动交流渠道和留言</source>
        <translation>Interaction channels and messages</translation>
    </message>
    <message>
        <source>从互动平台导出的 CSV/XLSX 导入留言（全部成功或全部不导入）</source>
        <translation>Import messages from a CSV/XLSX export of the interaction platform (all or nothing)</translation>
    </message>
    <message>
        <source>互动平台导出的 CSV 或 XLSX 文件</source>
        <translation>the interaction platform&apos;s CSV or XLSX export</translation>
    </message>
    <message>
        <source>其他平台列名和取值的映射文件（JSON）</source>
        <translation>Mapping file (JSON) of another platform&apos;s headings and values</translation>
    </message>
    <message>
        <source>各网站某年度的留言统计</source>
        <translation>Message statistics of a year per site</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>只列这些网站</source>
        <translation>Only these sites</translation>
    </message>
    <message>
        <source>已导入 {n} 个站点。</source>
        <translation>Imported {n} sites.</translation>
    </message>
    <message>
        <source>已写入 {n} 个栏目的列表页地址。</source>
        <translation>Wrote the list-page address of {n} columns.</translation>
    </message>
    <message>
        <source>有问题的行改正之前，不会导入任何站点。</source>
        <translation>No site is imported until the rows with problems are corrected.</translation>
    </message>
    <message>
        <source>已导出 {n} 行到 {path}</source>
        <translation>Exported {n} rows to {path}</translation>
    </message>
    <message>
        <source>“{value}”不是可用的{what}，可用：{allowed}</source>
        <translation>“{value}” is not a valid {what}; valid: {allowed}</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>level</translation>
    </message>
    <message>
        <source>站点登记</source>
        <translation>Site register</translation>
    </message>
    <message>
        <source>列出站点</source>
        <translation>List sites</translation>
    </message>
    <message>
        <source>输出 CSV（带列标题）</source>
        <translation>Print CSV (with headings)</translation>
    </message>
    <message>
        <source>从 CSV/XLSX 导入站点（全部成功或全部不导入）</source>
        <translation>Import sites from CSV/XLSX (all of them or none)</translation>
    </message>
    <message>
        <source>CSV 或 XLSX 文件，列与 sites export 写出的相同</source>
        <translation>A CSV or XLSX file with the columns sites export writes</translation>
    </message>
    <message>
        <source>只检查，不写入</source>
        <translation>check only, write nothing</translation>
    </message>
    <message>
        <source>导出站点到 CSV/XLSX（格式按扩展名；列与 sites import 相同，上级在前）</source>
        <translation>Export sites to CSV/XLSX (format by extension; the columns sites import reads, parents first)</translation>
    </message>
    <message>
        <source>文件；给出目录时写入其中的“站点_日期.xlsx”</source>
        <translation>File; given a folder, writes &quot;站点_DATE.xlsx&quot; in it</translation>
    </message>
    <message>
        <source>状态（代码或名称，如 running / 运行）</source>
        <translation>State (code or name, such as running / 运行)</translation>
    </message>
    <message>
        <source>类型（代码或名称，如 department / 部门网站）</source>
        <translation>Kind (code or name, such as department / 部门网站)</translation>
    </message>
    <message>
        <source>层级（代码或名称，如 county / 县级）</source>
        <translation>Level (code or name, such as county / 县级)</translation>
    </message>
    <message>
        <source>只列该网站（标识码）及其下级网站</source>
        <translation>Only this site (by site code) and the sites under it</translation>
    </message>
    <message>
        <source>快速筛选：标识码、名称、主办单位、域名、备案号</source>
        <translation>Quick filter: site code, name, organiser, domain, filing numbers</translation>
    </message>
    <message>
        <source>授权数</source>
        <translation>Grants</translation>
    </message>
    <message>
        <source>最近登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <source>安全管理员</source>
        <translation>Security administrator</translation>
    </message>
    <message>
        <source>审计管理员</source>
        <translation>Audit administrator</translation>
    </message>
    <message>
        <source>内容审核员</source>
        <translation>Content reviewer</translation>
    </message>
    <message>
        <source>此操作需要以下职责之一：{duties}；当前操作员 {operator} 不具备。</source>
        <translation>This action requires one of these duties: {duties}. Operator {operator} holds none of them.</translation>
    </message>
    <message>
        <source>站群运行月报 {month}</source>
        <translation>Cluster monthly report {month}</translation>
    </message>
    <message>
        <source>站群运行月报 {month}：{name}</source>
        <translation>Cluster monthly report {month}: {name}</translation>
    </message>
    <message>
        <source>范围：{scope}；统计截至 {as_of}</source>
        <translation>Scope: {scope}; figures as of {as_of}</translation>
    </message>
    <message>
        <source>概况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>单项否决风险</source>
        <translation>Single-veto risks</translation>
    </message>
    <message>
        <source>备案</source>
        <translation>Filings</translation>
    </message>
    <message>
        <source>内容审核</source>
        <translation>Content audit</translation>
    </message>
    <message>
        <source>单位排名</source>
        <translation>Unit ranking</translation>
    </message>
    <message>
        <source>整改清单</source>
        <translation>Problems to fix</translation>
    </message>
    <message>
        <source>可用率</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>近 30 天每日可用率（%）</source>
        <translation>Daily availability over 30 days (%)</translation>
    </message>
    <message>
        <source>本期无。</source>
        <translation>None this period.</translation>
    </message>
    <message>
        <source>本期没有需要整改的问题。</source>
        <translation>No problems to fix this period.</translation>
    </message>
    <message>
        <source>{name}：本期共 {n} 个问题，请在整改期限前完成整改并报运维团队。</source>
        <translation>{name}: {n} problems this period; fix them by the date given and report to the operations team.</translation>
    </message>
    <message>
        <source>以下问题请于 {date} 前整改完毕。</source>
        <translation>Fix the problems below by {date}.</translation>
    </message>
    <message>
        <source>{n} 篇稿件待审超过 7 天</source>
        <translation>{n} posts awaiting review for more than 7 days</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>探测次数</source>
        <translation>Probes</translation>
    </message>
    <message>
        <source>失败次数</source>
        <translation>Failures</translation>
    </message>
    <message>
        <source>失败比例（%）</source>
        <translation>Failure share (%)</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Fix by</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>{d}天{h}小时</source>
        <translation>{d} d {h} h</translation>
    </message>
    <message>
        <source>{h}小时{m}分</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{m}分钟</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>{age}（超时）</source>
        <translation>{age} (overdue)</translation>
    </message>
    <message>
        <source>低</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>中</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>高</source>
        <translation>High</translation>
    </message>
    <message>
        <source>审核决定须由登录的操作员作出。</source>
        <translation>Review decisions must be made by a logged-in operator.</translation>
    </message>
    <message>
        <source>严重度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>网站</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>稿件标题</source>
        <translation>Post title</translation>
    </message>
    <message>
        <source>问题类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>问题数</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>等待时长</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>处理人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>决定时间</source>
        <translation>Decided at</translation>
    </message>
    <message>
        <source>已下线</source>
        <translation>Taken down</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>我的认领</source>
        <translation>My claims</translation>
    </message>
    <message>
        <source>内容审核队列</source>
        <translation>Content audit queue</translation>
    </message>
    <message>
        <source>入队时间</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>要修改的对象（{kind} {id}）已不存在，可能已被他人删除。</source>
        <translation>The object to be changed ({kind} {id}) no longer exists; someone else may have deleted it.</translation>
    </message>
    <message>
        <source>{label} 已被 {who} 于 {when} 修改（{action}），您看到的是第 {seen} 版，当前是第 {now} 版。请刷新查看对方的修改后再决定是否覆盖。</source>
        <translation>{label} was changed by {who} at {when} ({action}); you saw version {seen}, it is now version {now}. Refresh to see their change before deciding whether to overwrite it.</translation>
    </message>
    <message>
        <source>安全备案</source>
        <translation>Security filing</translation>
    </message>
    <message>
        <source>网站标识码</source>
        <translation>Site code</translation>
    </message>
    <message>
        <source>网站名称</source>
        <translation>Site name</translation>
    </message>
    <message>
        <source>ICP备案号</source>
        <translation>ICP filing no.</translation>
    </message>
    <message>
        <source>ICP备案日期</source>
        <translation>ICP filing date</translation>
    </message>
    <message>
        <source>公安备案号</source>
        <translation>PSB filing number</translation>
    </message>
    <message>
        <source>公安备案日期</source>
        <translation>PSB filing date</translation>
    </message>
    <message>
        <source>等保级别</source>
        <translation>MLPS level</translation>
    </message>
    <message>
        <source>定级日期</source>
        <translation>Grading date</translation>
    </message>
    <message>
        <source>备案证明编号</source>
        <translation>Filing certificate no.</translation>
    </message>
    <message>
        <source>等保备案日期</source>
        <translation>MLPS filing date</translation>
    </message>
    <message>
        <source>最近测评</source>
        <translation>Last assessment</translation>
    </message>
    <message>
        <source>测评结论</source>
        <translation>Assessment result</translation>
    </message>
    <message>
        <source>网站（编号 {id}）不存在，可能已被删除。</source>
        <translation>Site (id {id}) does not exist; it may have been deleted.</translation>
    </message>
    <message>
        <source>等保级别应为 1 至 5，而不是 {value}。</source>
        <translation>The protection level must be 1 to 5, not {value}.</translation>
    </message>
    <message>
        <source>测评结论应为“符合”“基本符合”或“不符合”，而不是“{value}”。</source>
        <translation>The assessment result must be “compliant”, “largely compliant” or “non-compliant”, not “{value}”.</translation>
    </message>
    <message>
        <source>填写了{what}日期却没有填写{what}号。</source>
        <translation>A {what} date was entered without a {what} number.</translation>
    </message>
    <message>
        <source>{what} {date} 晚于今天。</source>
        <translation>{what} {date} is later than today.</translation>
    </message>
    <message>
        <source>{what} {date} 早于定级日期 {graded}：先定级，后备案和测评。</source>
        <translation>{what} {date} is before the grading date {graded}: a system is graded first, then filed and assessed.</translation>
    </message>
    <message>
        <source>符合</source>
        <translation>Compliant</translation>
    </message>
    <message>
        <source>基本符合</source>
        <translation>Largely compliant</translation>
    </message>
    <message>
        <source>不符合</source>
        <translation>Non-compliant</translation>
    </message>
    <message>
        <source>附件名称和位置都不能为空。</source>
        <translation>An attachment needs both a name and a location.</translation>
    </message>
    <message>
        <source>附件（编号 {id}）不存在，可能已被删除。</source>
        <translation>Attachment (id {id}) does not exist; it may have been deleted.</translation>
    </message>
    <message>
        <source>{label} 的备案记录刚被他人创建，请刷新后再修改。</source>
        <translation>Someone else has just created the filing of {label}; refresh before changing it.</translation>
    </message>
    <message>
        <source>{label} 还没有备案记录：请先保存备案信息，再添加附件。</source>
        <translation>{label} has no filing record yet: save the filing first, then add attachments.</translation>
    </message>
    <message>
        <source>{what}最长 {limit} 个字符，现有 {length} 个。</source>
        <translation>{what} may be at most {limit} characters long; this one has {length}.</translation>
    </message>
    <message>
        <source>附件名称</source>
        <translation>The attachment name</translation>
    </message>
    <message>
        <source>文件位置</source>
        <translation>The file location</translation>
    </message>
    <message>
        <source>日志头记录缺失：数据库未经迁移或已被篡改。</source>
        <translation>The journal head record is missing: the database has not been migrated, or it has been tampered with.</translation>
    </message>
    <message>
        <source>日志还没有任何记录，无需锚定。</source>
        <translation>The journal has no entries yet; there is nothing to anchor.</translation>
    </message>
    <message>
        <source>无法读取锚点文件 {path}：{reason}</source>
        <translation>Cannot read the anchors file {path}: {reason}</translation>
    </message>
    <message>
        <source>锚点文件 {path} 第 {line} 行不是有效的锚点记录。</source>
        <translation>Line {line} of the anchors file {path} is not a valid anchor.</translation>
    </message>
    <message>
        <source>锚点文件 {path} 中没有锚点。</source>
        <translation>The anchors file {path} holds no anchors.</translation>
    </message>
    <message>
        <source>无法写入锚点文件 {path}：{reason}</source>
        <translation>Cannot write the anchors file {path}: {reason}</translation>
    </message>
    <message>
        <source>锚点 第 {seq} 条（{at}）已不在日志中：记录被删除，或日志被截短后重写。</source>
        <translation>Anchor at entry {seq} ({at}) is no longer in the journal: entries were deleted, or the journal was cut short and rewritten.</translation>
    </message>
    <message>
        <source>锚点 第 {seq} 条（{at}）的哈希与日志不符：该条或其之前的记录被改写并重算了哈希。</source>
        <translation>Anchor at entry {seq} ({at}) does not match the journal&apos;s hash: this entry or an earlier one was rewritten and the hashes recomputed.</translation>
    </message>
    <message>
        <source>第 {expected} 条缺失（下一条是第 {found} 条）：有记录被删除。</source>
        <translation>Entry {expected} is missing (the next one is entry {found}): entries have been deleted.</translation>
    </message>
    <message>
        <source>第 {seq} 条的前序哈希不符：其前一条被改动或删除。</source>
        <translation>Entry {seq} does not match the hash of the entry before it: that entry was altered or deleted.</translation>
    </message>
    <message>
        <source>第 {seq} 条内容与其哈希不符：该条被改动。</source>
        <translation>Entry {seq} does not match its own hash: the entry was altered.</translation>
    </message>
    <message>
        <source>日志头指向第 {head} 条，实际最后一条为第 {last} 条：末尾记录被删除或伪造。</source>
        <translation>The journal head points to entry {head}, but the last entry is {last}: entries at the end were deleted or forged.</translation>
    </message>
    <message>
        <source>操作日志</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>对象类型</source>
        <translation>Object type</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>三员分立：{a}与{b}不能由同一人担任。</source>
        <translation>Separation of the three administrator duties: {a} and {b} cannot be held by the same person.</translation>
    </message>
    <message>
        <source>操作员至少需要一项职责。</source>
        <translation>An operator needs at least one duty.</translation>
    </message>
    <message>
        <source>不能修改自己的职责。</source>
        <translation>You cannot change your own duties.</translation>
    </message>
    <message>
        <source>用户名只能由小写字母、数字和 . _ - 组成，长度 2 到 64：{username}</source>
        <translation>A username may contain only lower-case letters, digits and . _ - and must be 2 to 64 characters long: {username}</translation>
    </message>
    <message>
        <source>请填写操作员姓名。</source>
        <translation>Enter the operator&apos;s name.</translation>
    </message>
    <message>
        <source>用户名 {username} 已被使用。</source>
        <translation>Username {username} is already taken.</translation>
    </message>
    <message>
        <source>已有操作员，首次运行设置只能执行一次。</source>
        <translation>Operators already exist; first-run setup can only be done once.</translation>
    </message>
    <message>
        <source>首次运行需同时建立系统管理员、安全管理员和审计管理员（三人不同）。</source>
        <translation>First-run setup must create a system administrator, a security administrator and an audit administrator together (three different people).</translation>
    </message>
    <message>
        <source>用户名或密码不正确。</source>
        <translation>Incorrect username or password.</translation>
    </message>
    <message>
        <source>连续登录失败过多，账号已锁定至 {until}。</source>
        <translation>Too many failed logins in a row: the account is locked until {until}.</translation>
    </message>
    <message>
        <source>该操作员已停用。</source>
        <translation>This operator has been disabled.</translation>
    </message>
    <message>
        <source>操作员 {id} 不存在。</source>
        <translation>Operator {id} does not exist.</translation>
    </message>
    <message>
        <source>原密码不正确。</source>
        <translation>The current password is incorrect.</translation>
    </message>
    <message>
        <source>不能停用自己。</source>
        <translation>You cannot disable yourself.</translation>
    </message>
    <message>
        <source>不能重置自己的密码，请用“修改密码”。</source>
        <translation>You cannot reset your own password; use Change password.</translation>
    </message>
    <message>
        <source>操作员 {username} 未被锁定。</source>
        <translation>Operator {username} is not locked.</translation>
    </message>
    <message>
        <source>新密码不能与原密码相同。</source>
        <translation>The new password must differ from the old one.</translation>
    </message>
    <message>
        <source>{operator} 是唯一在用的{duty}，须先让另一人担任{duty}。</source>
        <translation>{operator} is the only active {duty}: make someone else {duty} first.</translation>
    </message>
    <message>
        <source>未知的会话结束方式：{how}</source>
        <translation>Unknown way to end a session: {how}</translation>
    </message>
    <message>
        <source>为新的站群数据库建立系统管理员、安全管理员和审计管理员（三人不同，规则同首次运行对话框）；--password-stdin 时依次读三行密码</source>
        <translation>Create the system, security and audit administrators of a new cluster database (three different people, the first-run dialog&apos;s rules); with --password-stdin, read three lines of passwords</translation>
    </message>
    <message>
        <source>{duty}的用户名（默认 {default}）</source>
        <translation>User name of the {duty} (default {default})</translation>
    </message>
    <message>
        <source>{duty}的姓名（默认“{duty}”）</source>
        <translation>Name of the {duty} (default &quot;{duty}&quot;)</translation>
    </message>
    <message>
        <source>从标准输入依次读取三人的密码，每行一个（顺序同上）</source>
        <translation>Read the three passwords from standard input, one a line (in the order above)</translation>
    </message>
    <message>
        <source>{duty} {username} 的密码（至少 {n} 位，含大写字母、小写字母、数字、符号中的三类）：</source>
        <translation>Password of {duty} {username} (at least {n} characters, of three kinds among upper case, lower case, digits and symbols): </translation>
    </message>
    <message>
        <source>再输入一次 {username} 的密码：</source>
        <translation>Password of {username} again: </translation>
    </message>
    <message>
        <source>{duty}的两次密码不一致。</source>
        <translation>The two passwords of the {duty} differ.</translation>
    </message>
    <message>
        <source>已建立管理员：{names}。请分别用各自的账号登录。</source>
        <translation>Administrators created: {names}. Each logs in with their own account.</translation>
    </message>
    <message>
        <source>控制台操作员</source>
        <translation>Console operators</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>待改密</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>锁定至</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>密码至少需要 {n} 个字符。</source>
        <translation>The password must be at least {n} characters long.</translation>
    </message>
    <message>
        <source>密码需包含大写字母、小写字母、数字、符号四类中的至少三类。</source>
        <translation>The password must contain at least three of these four kinds: upper-case letters, lower-case letters, digits, symbols.</translation>
    </message>
    <message>
        <source>栏目预设</source>
        <translation>Column presets</translation>
    </message>
    <message>
        <source>预设名称</source>
        <translation>Preset name</translation>
    </message>
    <message>
        <source>适用网站</source>
        <translation>Site type</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>栏目数</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>采用站点数</source>
        <translation>Used by</translation>
    </message>
    <message>
        <source>文件中的预设“{name}”适用于{file_kind}，而已有的同名预设适用于{stored_kind}：不能保存为它的新版本。请改正文件的 site_kind，或换一个名称导入为新预设。</source>
        <translation>The preset &quot;{name}&quot; in the file is for {file_kind}, but the stored preset of that name is for {stored_kind}: it cannot be saved as its next version. Correct the file&apos;s site_kind, or import it under another name as a new preset.</translation>
    </message>
    <message>
        <source>已有名为“{name}”的栏目预设，请换一个名称，或导入为它的新版本。</source>
        <translation>A column preset named “{name}” already exists: choose another name, or import it as a new version of that preset.</translation>
    </message>
    <message>
        <source>栏目树与第 {number} 版相同，没有需要保存的改动。</source>
        <translation>The column tree is the same as version {number}: there are no changes to save.</translation>
    </message>
    <message>
        <source>栏目预设 {id} 不存在，可能已被删除。</source>
        <translation>Column preset {id} does not exist; it may have been deleted.</translation>
    </message>
    <message>
        <source>检查日期 {value} 无效，应为 YYYY-MM-DD。</source>
        <translation>The inspection date {value} is not valid; use YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>随控制台提供的默认预设</source>
        <translation>Default preset shipped with the console</translation>
    </message>
    <message>
        <source>风险项数</source>
        <translation>Risks</translation>
    </message>
    <message>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>涉及栏目</source>
        <translation>Columns concerned</translation>
    </message>
    <message>
        <source>政治</source>
        <translation>Political</translation>
    </message>
    <message>
        <source>涉密</source>
        <translation>Classified</translation>
    </message>
    <message>
        <source>严重表述错误</source>
        <translation>Serious wording error</translation>
    </message>
    <message>
        <source>过时表述</source>
        <translation>Outdated wording</translation>
    </message>
    <message>
        <source>色情</source>
        <translation>Pornography</translation>
    </message>
    <message>
        <source>赌博</source>
        <translation>Gambling</translation>
    </message>
    <message>
        <source>广告</source>
        <translation>Advertising</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>词条不能为空，且不能超过 {limit} 个字符。</source>
        <translation>A term must not be empty or longer than {limit} characters.</translation>
    </message>
    <message>
        <source>词条“{term}”去掉空白、标点和符号后为空，无法匹配任何文本。</source>
        <translation>Term “{term}” is empty without its spaces, punctuation and symbols, so it can never match.</translation>
    </message>
    <message>
        <source>白名单短语不能为空，且不能超过 {limit} 个字符。</source>
        <translation>A whitelist phrase must not be empty or longer than {limit} characters.</translation>
    </message>
    <message>
        <source>白名单短语“{phrase}”去掉空白、标点和符号后为空，不起作用。</source>
        <translation>Whitelist phrase “{phrase}” is empty without its spaces, punctuation and symbols, so it would have no effect.</translation>
    </message>
    <message>
        <source>类别不能为空，且不能超过 {limit} 个字符。</source>
        <translation>A category must not be empty or longer than {limit} characters.</translation>
    </message>
    <message>
        <source>严重程度应为 1、2 或 3，而不是 {value}。</source>
        <translation>Severity must be 1, 2 or 3, not {value}.</translation>
    </message>
    <message>
        <source>说明不能超过 {limit} 个字符。</source>
        <translation>A note must not be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>词库中已有词条“{term}”。</source>
        <translation>The lexicon already has the term “{term}”.</translation>
    </message>
    <message>
        <source>白名单中已有短语“{phrase}”。</source>
        <translation>The whitelist already has the phrase “{phrase}”.</translation>
    </message>
    <message>
        <source>词条 {id} 不存在，可能已被删除。</source>
        <translation>Term {id} does not exist; it may have been deleted.</translation>
    </message>
    <message>
        <source>白名单短语 {id} 不存在，可能已被删除。</source>
        <translation>Whitelist phrase {id} does not exist; it may have been deleted.</translation>
    </message>
    <message>
        <source>词条“{term}”没有变化。</source>
        <translation>Term “{term}” is unchanged.</translation>
    </message>
    <message>
        <source>文件 {file} 中没有需要导入的内容。</source>
        <translation>File {file} has nothing to import.</translation>
    </message>
    <message>
        <source>词库</source>
        <translation>Lexicon</translation>
    </message>
    <message>
        <source>词条</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>加入时间</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>白名单</source>
        <translation>Whitelist</translation>
    </message>
    <message>
        <source>短语</source>
        <translation>Phrase</translation>
    </message>
    <message>
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>站点</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>异常</source>
        <translation>Failing</translation>
    </message>
    <message>
        <source>未探测</source>
        <translation>Not probed</translation>
    </message>
    <message>
        <source>国家级</source>
        <translation>National</translation>
    </message>
    <message>
        <source>省级</source>
        <translation>Provincial</translation>
    </message>
    <message>
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>County</translation>
    </message>
    <message>
        <source>上级网站</source>
        <translation>Parent site</translation>
    </message>
    <message>
        <source>主办单位</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>主办单位性质</source>
        <translation>Organiser type</translation>
    </message>
    <message>
        <source>开通日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>不能批量修改“{field}”。</source>
        <translation>“{field}” cannot be changed in bulk.</translation>
    </message>
    <message>
        <source>日期“{value}”格式不对，应为 YYYY-MM-DD。</source>
        <translation>The date “{value}” is malformed; use YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>{n} 篇稿件已迁入“{target}”</source>
        <translation>{n} posts moved into “{target}”</translation>
    </message>
    <message>
        <source>已是“{value}”，无需修改。</source>
        <translation>Already “{value}”; nothing to change.</translation>
    </message>
    <message>
        <source>“{name}”已{state}，登记信息不再修改。</source>
        <translation>“{name}” is {state}; its registration is closed to edits.</translation>
    </message>
    <message>
        <source>主域名</source>
        <translation>Main domain</translation>
    </message>
    <message>
        <source>最近探测</source>
        <translation>Recent probes</translation>
    </message>
    <message>
        <source>首页更新</source>
        <translation>Home page updated</translation>
    </message>
    <message>
        <source>编辑账号</source>
        <translation>Editor accounts</translation>
    </message>
    <message>
        <source>授权表</source>
        <translation>Permission grid</translation>
    </message>
    <message>
        <source>用户权限</source>
        <translation>User permissions</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>审核条目 {id} 不存在（可能已随稿件删除）。</source>
        <translation>Queue item {id} does not exist (it may have been deleted with its post).</translation>
    </message>
    <message>
        <source>未知的审核决定：{decision}。</source>
        <translation>Unknown review decision: {decision}.</translation>
    </message>
    <message>
        <source>操作员 {operator} 不是内容审核员，不能作出审核决定。</source>
        <translation>Operator {operator} is not a content reviewer and cannot make review decisions.</translation>
    </message>
    <message>
        <source>条目 {id} 已由 {who} 于 {when} 决定为“{state}”；每个条目只决定一次。</source>
        <translation>Item {id} was decided as “{state}” by {who} at {when}; each item is decided only once.</translation>
    </message>
    <message>
        <source>条目 {id} 正由 {who} 认领审核（租约至 {until}），您不能决定。</source>
        <translation>Item {id} is claimed by {who} for review (lease until {until}); you cannot decide it.</translation>
    </message>
    <message>
        <source>您对条目 {id} 的认领已于 {until} 过期：请重新认领再决定。</source>
        <translation>Your claim on item {id} expired at {until}: claim it again before deciding.</translation>
    </message>
    <message>
        <source>条目 {id} 尚未被您认领：请先认领再决定。</source>
        <translation>Item {id} is not claimed by you: claim it before deciding.</translation>
    </message>
    <message>
        <source>退回编辑时须写明退回意见。</source>
        <translation>Returning a post to its editor needs a note.</translation>
    </message>
    <message>
        <source>审核意见最长 {limit} 字。</source>
        <translation>A review note may be at most {limit} characters.</translation>
    </message>
    <message>
        <source>白名单短语须为 {limit} 字以内，并包含被标记的文字之一：{texts}。</source>
        <translation>The whitelist phrase must be at most {limit} characters and contain one of the flagged texts: {texts}.</translation>
    </message>
    <message>
        <source>“{value}”不是角色，可用：{allowed}</source>
        <translation>“{value}” is not a role; available: {allowed}</translation>
    </message>
    <message>
        <source>编辑账号 {username} 不存在。</source>
        <translation>Editor account {username} does not exist.</translation>
    </message>
    <message>
        <source>没有人持有该权限。</source>
        <translation>Nobody holds this right.</translation>
    </message>
    <message>
        <source>该账号当前没有任何有效授权。</source>
        <translation>This account holds no grant in force.</translation>
    </message>
    <message>
        <source>至 {when}</source>
        <translation>until {when}</translation>
    </message>
    <message>
        <source>长期</source>
        <translation>no expiry</translation>
    </message>
    <message>
        <source>账号 {username} {status}：以下授权在启用或解锁前不生效。</source>
        <translation>Account {username} is {status}: the grants below are not in force until it is re-enabled or unlocked.</translation>
    </message>
    <message>
        <source>编辑人员授权</source>
        <translation>Editors&apos; grants</translation>
    </message>
    <message>
        <source>谁能在某网站/栏目行使某角色</source>
        <translation>Who may act in a role on a site or column</translation>
    </message>
    <message>
        <source>栏目路径：/1/7/42/ 或 /政务公开/通知公告</source>
        <translation>Column path: /1/7/42/ or /政务公开/通知公告</translation>
    </message>
    <message>
        <source>角色：editor/reviewer/publisher/site_admin 或中文名</source>
        <translation>Role: editor/reviewer/publisher/site_admin or its Chinese name</translation>
    </message>
    <message>
        <source>输出 JSON</source>
        <translation>print JSON</translation>
    </message>
    <message>
        <source>某账号能在哪里做什么（有效权限及其来源授权）</source>
        <translation>What an account may do where (effective rights and the grants they come from)</translation>
    </message>
    <message>
        <source>预设版本 ID（见 presets list）</source>
        <translation>Preset version ID (see presets list)</translation>
    </message>
    <message>
        <source>列出全部预设版本及其 ID（按 ID 排列；export、diff、apply 用这个 ID）</source>
        <translation>List every preset version with its ID (in ID order; export, diff and apply take this ID)</translation>
    </message>
    <message>
        <source>已导入为预设版本 {id}。</source>
        <translation>Imported as preset version {id}.</translation>
    </message>
    <message>
        <source>没有可应用的站点：该预设适用类型的站点一个也没有。</source>
        <translation>No site to apply it to: there is no site of the kind this preset is for.</translation>
    </message>
    <message>
        <source>预设没有应用到任何站点（全部被跳过）。</source>
        <translation>The preset was applied to no site (every one was skipped).</translation>
    </message>
    <message>
        <source>已导出到 {path}。</source>
        <translation>Exported to {path}.</translation>
    </message>
    <message>
        <source>{site}：新增 {added} 个栏目，名称或位置不同 {moved} 个，类型或规则不同 {rules} 个，保留本地栏目 {extras} 个</source>
        <translation>{site}: {added} columns to add, {moved} differing in name or place, {rules} in type or rule, {extras} local columns kept</translation>
    </message>
    <message>
        <source>已中断：{done} 个站点已处理完毕；正在处理的站点已回滚，其余站点未改动。</source>
        <translation>Interrupted: {done} sites were done; the site in progress was rolled back and the others were not changed.</translation>
    </message>
    <message>
        <source>共 {n} 处变化。</source>
        <translation>{n} changes in all.</translation>
    </message>
    <message>
        <source>已应用到 {changed} 个站点，{same} 个站点无需改动，跳过 {skipped} 个。</source>
        <translation>Applied to {changed} sites; {same} needed no change; {skipped} skipped.</translation>
    </message>
    <message>
        <source>从 JSON 文件导入预设（同名则保存为新版本）</source>
        <translation>Import a preset from a JSON file (one of the same name gets a new version)</translation>
    </message>
    <message>
        <source>栏目预设 JSON 文件</source>
        <translation>Column preset JSON file</translation>
    </message>
    <message>
        <source>把预设版本导出为 JSON 文件</source>
        <translation>Export a preset version to a JSON file</translation>
    </message>
    <message>
        <source>要写入的 JSON 文件</source>
        <translation>JSON file to write</translation>
    </message>
    <message>
        <source>比较两个预设版本</source>
        <translation>Compare two preset versions</translation>
    </message>
    <message>
        <source>旧版本的 ID</source>
        <translation>ID of the older version</translation>
    </message>
    <message>
        <source>新版本的 ID</source>
        <translation>ID of the newer version</translation>
    </message>
    <message>
        <source>把预设版本应用到站点</source>
        <translation>Apply a preset version to sites</translation>
    </message>
    <message>
        <source>网站标识码，可重复</source>
        <translation>site code, may be repeated</translation>
    </message>
    <message>
        <source>该预设适用类型的全部站点</source>
        <translation>Every site of the kind the preset is for</translation>
    </message>
    <message>
        <source>只预览，不写入</source>
        <translation>Preview only, write nothing</translation>
    </message>
    <message>
        <source>{code} {verdict} 状态 {status} 耗时 {latency} ms HTTPS {https} 证书有效 {cert} IPv6 {ipv6} 页脚（标识码/ICP/公安）{footer} {error}</source>
        <translation>{code} {verdict} status {status} time {latency} ms HTTPS {https} certificate valid {cert} IPv6 {ipv6} footer (code/ICP/police) {footer} {error}</translation>
    </message>
    <message>
        <source>可访问</source>
        <translation>Reachable</translation>
    </message>
    <message>
        <source>不可访问</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <source>已保存 {n} 条探测记录。</source>
        <translation>Stored {n} probe results.</translation>
    </message>
    <message>
        <source>每次请求的超时秒数，大于 0、不超过 {high}（默认取站群设置）</source>
        <translation>Timeout of each request in seconds, more than 0 and at most {high} (default from the cluster settings)</translation>
    </message>
    <message>
        <source>并发探测数，1 至 {high}（默认取站群设置）</source>
        <translation>Sites probed at once, 1 to {high} (default from the cluster settings)</translation>
    </message>
    <message>
        <source>探测网站（可访问性、HTTPS 证书、IPv6、页脚标识）</source>
        <translation>Probe sites (reachability, HTTPS certificate, IPv6, footer identifiers)</translation>
    </message>
    <message>
        <source>同 curl：经另一地址和端口探测登记的主机（Host 与 TLS 名称不变）</source>
        <translation>As in curl: probe a registered host through another address and port (Host and TLS name unchanged)</translation>
    </message>
    <message>
        <source>每个网站输出一行 JSON</source>
        <translation>one line of JSON per site</translation>
    </message>
    <message>
        <source>把结果和新文章写入站群数据库（需 --user）</source>
        <translation>write the results and new articles to the cluster database (needs --user)</translation>
    </message>
    <message>
        <source>文字输出时逐栏目列出</source>
        <translation>in text output, list each column</translation>
    </message>
    <message>
        <source>信任的根证书文件</source>
        <translation>file of trusted root certificates</translation>
    </message>
    <message>
        <source>把结果保存为探测记录（需 --user）</source>
        <translation>Store the results as probe records (needs --user)</translation>
    </message>
    <message>
        <source>已筛查 {screened} 篇，新入队 {queued} 条，更新 {refreshed} 条，移出 {cleared} 条</source>
        <translation>Screened {screened} posts: {queued} queued, {refreshed} updated, {cleared} removed</translation>
    </message>
    <message>
        <source>已中断：</source>
        <translation>Interrupted:</translation>
    </message>
    <message>
        <source>本批筛查完成后停止（再按一次 Ctrl-C 立即中断）…</source>
        <translation>Stopping after the batch being screened (press Ctrl-C again to stop at once)…</translation>
    </message>
    <message>
        <source>条目 {id} 未处理：{reason}</source>
        <translation>Item {id} not decided: {reason}</translation>
    </message>
    <message>
        <source>认领最早的若干待审条目（默认 {n} 条，租期 {minutes} 分钟），每行输出一个条目 ID</source>
        <translation>Claim the oldest pending items ({n} by default, each leased for {minutes} minutes); print their ids, one a line</translation>
    </message>
    <message>
        <source>对一个或多个条目作出同一审核决定：在一个事务中全部决定（各记一条操作日志），有任何条目不能决定时一个也不决定</source>
        <translation>Give one or more items the same review decision: all are decided in one transaction (each with its journal entry), and none if any cannot be decided</translation>
    </message>
    <message>
        <source>条目 ID（queue claim 输出的），可给多个</source>
        <translation>Item IDs (as printed by queue claim); several may be given</translation>
    </message>
    <message>
        <source>approve 通过；whitelist 通过并把短语加入白名单；return 退回（需 --note）；take_down 撤稿</source>
        <translation>approve; whitelist: approve and add the phrase to the whitelist; return: send back (needs --note); take_down: take the post down</translation>
    </message>
    <message>
        <source>没有决定任何条目（{n} 个条目不能决定）。</source>
        <translation>No item was decided ({n} items could not be decided).</translation>
    </message>
    <message>
        <source>最多认领多少条，1 至 {high}（默认 {default}）</source>
        <translation>Claim at most this many items, 1 to {high} (default {default})</translation>
    </message>
    <message>
        <source>筛查新增和修改的稿件并入队（--full 重新筛查全部）</source>
        <translation>Screen new and changed posts into the queue (--full: screen them all again)</translation>
    </message>
    <message>
        <source>词库变更后重新筛查全部稿件</source>
        <translation>Screen every post again after the lexicon changed</translation>
    </message>
    <message>
        <source>各状态的条目数</source>
        <translation>Items per state</translation>
    </message>
    <message>
        <source>审核意见（退回时必填）</source>
        <translation>Review note (required when returning)</translation>
    </message>
    <message>
        <source>加入白名单的短语（whitelist 时）</source>
        <translation>Phrase to add to the whitelist (with whitelist)</translation>
    </message>
    <message>
        <source>放弃本人的全部认领</source>
        <translation>Give back all of one&apos;s claims</translation>
    </message>
    <message>
        <source>输入 {file} 不是 UTF-8 编码的文本。</source>
        <translation>Input {file} is not UTF-8 text.</translation>
    </message>
    <message>
        <source>无法读取 {file}：{detail}</source>
        <translation>Cannot read {file}: {detail}</translation>
    </message>
    <message>
        <source>词库为空（没有启用的词条），只筛查了个人信息；请先导入词库，或用 --lexicon 指定词库文件。</source>
        <translation>The lexicon is empty (no enabled terms), so only personal data was screened; import a lexicon first, or name a lexicon file with --lexicon.</translation>
    </message>
    <message>
        <source>按词库筛查文本，逐行输出 JSON 格式的问题（敏感词、个人信息）</source>
        <translation>Screen text against the lexicon; print each finding as a line of JSON (sensitive terms, personal data)</translation>
    </message>
    <message>
        <source>词库文件（CSV，或每行一个词条的文本）</source>
        <translation>Lexicon file (CSV, or text with one term a line)</translation>
    </message>
    <message>
        <source>白名单文件（每行一个短语）</source>
        <translation>Whitelist file (one phrase a line)</translation>
    </message>
    <message>
        <source>输出中遮盖个人信息（138****1234）</source>
        <translation>Mask personal data in the output (138****1234)</translation>
    </message>
    <message>
        <source>要筛查的文件（默认 - 即标准输入）</source>
        <translation>File to screen (default -: standard input)</translation>
    </message>
    <message>
        <source>域名“{value}”不是合法的域名：{reason}</source>
        <translation>“{value}” is not a valid domain name: {reason}</translation>
    </message>
    <message>
        <source>域名“{value}”不可用：政府网站只能使用 .gov.cn 或 .政务 域名。</source>
        <translation>The domain “{value}” cannot be used: government sites may only use .gov.cn or .政务 domains.</translation>
    </message>
    <message>
        <source>网站标识码“{value}”格式不对：应为 6 位行政区划代码加 4 位顺序号（10 位数字），或国务院部门的 bm 加 8 位数字。</source>
        <translation>The site code “{value}” is malformed: it must be a 6-digit division code plus a 4-digit serial (10 digits), or bm plus 8 digits for a State Council department.</translation>
    </message>
    <message>
        <source>“{value}”中的行政区划代码 {code} 不存在：前两位 {province} 不是省级代码。</source>
        <translation>The division code {code} in “{value}” does not exist: its first two digits {province} are not a province code.</translation>
    </message>
    <message>
        <source>ICP备案号“{value}”格式不对：应为“省简称ICP备”加 8 位或 10 位数字再加“号”，可带“-序号”，例如 京ICP备05070218号-1。</source>
        <translation>The ICP filing number “{value}” is malformed: it must be the province abbreviation and “ICP备”, 8 or 10 digits, then “号”, optionally with “-serial”, e.g. 京ICP备05070218号-1.</translation>
    </message>
    <message>
        <source>ICP备案号“{value}”中的年份 {year} 不可能（应在 {first} 至 {last} 之间）。</source>
        <translation>The year {year} in the ICP filing number “{value}” is impossible (it must lie between {first} and {last}).</translation>
    </message>
    <message>
        <source>公安联网备案号“{value}”格式不对：应为“省简称公网安备”加 14 位数字再加“号”，例如 京公网安备11010202000001号。</source>
        <translation>The public-security filing number “{value}” is malformed: it must be the province abbreviation and “公网安备”, 14 digits, then “号”, e.g. 京公网安备11010202000001号.</translation>
    </message>
    <message>
        <source>公安联网备案号“{value}”的简称“{abbreviation}”与其中的区划代码 {code} 不属于同一省份。</source>
        <translation>In the public-security filing number “{value}” the abbreviation “{abbreviation}” and the division code {code} belong to different provinces.</translation>
    </message>
    <message>
        <source>公安联网备案号“{value}”的区划代码 {code} 不在网站所在地区 {region} 范围内。</source>
        <translation>The division code {code} of the public-security filing number “{value}” is outside the site’s region {region}.</translation>
    </message>
    <message>
        <source>ICP备案号“{value}”的省份简称“{abbreviation}”与网站所在地区 {region} 不符。</source>
        <translation>The province abbreviation “{abbreviation}” of the ICP filing number “{value}” does not match the site’s region {region}.</translation>
    </message>
    <message>
        <source>统一社会信用代码“{value}”格式不对：应为 18 位，由数字和除 I、O、Z、S、V 以外的大写字母组成。</source>
        <translation>The unified social credit code “{value}” is malformed: it must be 18 characters of digits and capital letters other than I, O, Z, S and V.</translation>
    </message>
    <message>
        <source>统一社会信用代码“{value}”的校验码不对，请核对是否有抄错的字符。</source>
        <translation>The check character of the unified social credit code “{value}” is wrong; check for a mistyped character.</translation>
    </message>
    <message>
        <source>等保备案证明编号“{value}”格式不对：应为 11 位数字（6 位公安机关代码加 5 位顺序号）。</source>
        <translation>The MLPS filing certificate number “{value}” is malformed: it must be 11 digits (a 6-digit public-security office code plus a 5-digit serial).</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>database</translation>
    </message>
    <message>
        <source>网站巡查</source>
        <translation>site patrol</translation>
    </message>
    <message>
        <source>探测</source>
        <translation>probes</translation>
    </message>
    <message>
        <source>互动记录</source>
        <translation>interaction records</translation>
    </message>
    <message>
        <source>（依据：{sources}）</source>
        <translation> (sources: {sources})</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>首页 {days} 天内未更新</source>
        <translation>Home page not updated within {days} days</translation>
    </message>
    <message>
        <source>{count} 个动态要闻/通知公告/政策文件栏目未及时更新</source>
        <translation>{count} news/notice/policy columns not updated in time</translation>
    </message>
    <message>
        <source>{count} 个应更新栏目未按要求更新</source>
        <translation>{count} columns not updated as their rule requires</translation>
    </message>
    <message>
        <source>互动回应差：{count} 条有效咨询留言超过 {months} 个月未答复（{messages}）</source>
        <translation>Poor interaction response: {count} valid consultation messages unanswered for more than {months} months ({messages})</translation>
    </message>
    <message>
        <source>互动回应差：没有可用的政务咨询渠道</source>
        <translation>Poor interaction response: no working consultation channel</translation>
    </message>
    <message>
        <source>站点无法访问：近 {days} 天 {failures}/{probes} 次探测未能在 {timeout} 秒内打开首页（{share}%）</source>
        <translation>Site unreachable: over the last {days} days {failures}/{probes} probes did not open the home page within {timeout} s ({share}%)</translation>
    </message>
    <message>
        <source>可访问性暂无法判定：近 {days} 天共 {probes} 次有效探测，其中 {short} 天不足每天 {needed} 次</source>
        <translation>Reachability cannot be judged yet: {probes} counted probes over the last {days} days, {short} of the days with fewer than {needed}</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>home page</translation>
    </message>
    <message>
        <source>动态要闻/通知公告/政策文件</source>
        <translation>news/notice/policy columns</translation>
    </message>
    <message>
        <source>应更新栏目</source>
        <translation>columns that should update</translation>
    </message>
    <message>
        <source>空白栏目</source>
        <translation>Blank columns</translation>
    </message>
    <message>
        <source>可访问性</source>
        <translation>reachability</translation>
    </message>
    <message>
        <source>留言答复</source>
        <translation>Message replies</translation>
    </message>
    <message>
        <source>咨询渠道</source>
        <translation>Consultation channel</translation>
    </message>
    <message>
        <source>{count} 个空白栏目</source>
        <translation>{count} blank columns</translation>
    </message>
    <message>
        <source>预设版本 {id} 不存在，可能已被删除。</source>
        <translation>Preset version {id} does not exist; it may have been deleted.</translation>
    </message>
    <message>
        <source>站点 {site} 不存在，可能已被删除。</source>
        <translation>Site {site} does not exist; it may have been deleted.</translation>
    </message>
    <message>
        <source>站点 {site} 的类型与该预设适用的网站类型不符，已跳过。</source>
        <translation>Site {site} is not of the kind this preset applies to; skipped.</translation>
    </message>
    <message>
        <source>站点 {site} 已整合迁移或永久下线，不再应用预设，已跳过。</source>
        <translation>Site {site} has been merged or retired: presets no longer apply to it; skipped.</translation>
    </message>
    <message>
        <source>没有选择任何站点。</source>
        <translation>No site is selected.</translation>
    </message>
    <message>
        <source>找不到这些网站标识码：{codes}</source>
        <translation>No site has these codes: {codes}</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>name</translation>
    </message>
    <message>
        <source>上级栏目</source>
        <translation>parent column</translation>
    </message>
    <message>
        <source>顺序</source>
        <translation>position</translation>
    </message>
    <message>
        <source>栏目类型</source>
        <translation>Column type</translation>
    </message>
    <message>
        <source>更新周期</source>
        <translation>Update rule</translation>
    </message>
    <message>
        <source>与预设栏目的关联</source>
        <translation>link to the preset column</translation>
    </message>
    <message>
        <source>--connect-to 的值“{value}”格式不对：应为 主机:端口:地址:端口，IPv6 地址放在方括号里，例如 www.example.gov.cn:443:[::1]:8443。</source>
        <translation>--connect-to value “{value}” is malformed: expected HOST:PORT:ADDRESS:PORT, IPv6 addresses in brackets, e.g. www.example.gov.cn:443:[::1]:8443.</translation>
    </message>
    <message>
        <source>探测超时（秒）</source>
        <translation>Probe timeout (s)</translation>
    </message>
    <message>
        <source>每次探测等待首页的秒数；短于 15 秒的快速探测超时时不计入“站点无法访问”。</source>
        <translation>How many seconds each probe waits for the home page; a quick probe shorter than 15 s that times out does not count toward “site unreachable”.</translation>
    </message>
    <message>
        <source>并发探测数</source>
        <translation>Concurrent probes</translation>
    </message>
    <message>
        <source>同时探测的网站数。</source>
        <translation>How many sites are probed at once.</translation>
    </message>
    <message>
        <source>定时探测间隔（分钟，0 为关闭）</source>
        <translation>Scheduled sweep interval (minutes, 0 = off)</translation>
    </message>
    <message>
        <source>控制台打开期间每隔多少分钟探测全部运行中的网站；每天至少 20 次才能判定可访问性。</source>
        <translation>While a console is open, probe every running site every this many minutes; reachability is judged only with at least 20 probes a day.</translation>
    </message>
    <message>
        <source>二级系统测评周期（月）</source>
        <translation>Assessment period for level 2 (months)</translation>
    </message>
    <message>
        <source>等保二级系统两次测评之间的月数。</source>
        <translation>Months between two assessments of a level-2 system.</translation>
    </message>
    <message>
        <source>网站 {site} 不存在。</source>
        <translation>Site {site} does not exist.</translation>
    </message>
    <message>
        <source>栏目 {column} 不属于网站 {site}。</source>
        <translation>Column {column} does not belong to site {site}.</translation>
    </message>
    <message>
        <source>未知角色：{role}</source>
        <translation>Unknown role: {role}</translation>
    </message>
    <message>
        <source>授权 {id} 不存在，可能已被撤销。</source>
        <translation>Grant {id} does not exist; it may have been revoked.</translation>
    </message>
    <message>
        <source>网站“{site}”已下线或已整合迁移，不能再授权。</source>
        <translation>Site “{site}” is retired or merged; nothing can be granted on it.</translation>
    </message>
    <message>
        <source>到期时间 {when} 已过，请选择将来的时间。</source>
        <translation>The expiry {when} has passed; choose a time in the future.</translation>
    </message>
    <message>
        <source>网站“{site}”实行先审后发：{account} 须先在同一范围持有“审核”权限，才能授予“发布”。</source>
        <translation>Site “{site}” requires review before publishing: {account} must hold Review over the same scope before Publish can be granted.</translation>
    </message>
    <message>
        <source>网站“{site}”实行先审后发：{account} 在重叠范围内已有“{held}”，不能再授予“{role}”（同一人不能既撰写又发布同一稿件）。</source>
        <translation>Site “{site}” requires review before publishing: {account} already holds {held} over an overlapping scope and cannot also be granted {role} (nobody both writes and publishes the same post).</translation>
    </message>
    <message>
        <source>已持有相同授权，跳过</source>
        <translation>Already held; skipped</translation>
    </message>
    <message>
        <source>“站点管理员”只能授予整个网站，不能授予单个栏目。</source>
        <translation>Site administrator can be granted over a whole site only, not over a column.</translation>
    </message>
    <message>
        <source>账号 {account} 已停用，不能再授权；请先启用。</source>
        <translation>Account {account} is disabled and cannot be granted anything; enable it first.</translation>
    </message>
    <message>
        <source>移交的来源和目标不能是同一个账号。</source>
        <translation>The handover&apos;s source and target cannot be the same account.</translation>
    </message>
    <message>
        <source>请至少选择一个账号和一个网站。</source>
        <translation>Choose at least one account and one site.</translation>
    </message>
    <message>
        <source>{n} 项不符合规则，未作任何更改。第一项：{first}</source>
        <translation>{n} items break the rules; nothing was changed. First: {first}</translation>
    </message>
    <message>
        <source>该账号没有可撤销的授权。</source>
        <translation>This account has no grants to revoke.</translation>
    </message>
    <message>
        <source>没有这些网站标识码的网站，或它们没有主域名：{codes}</source>
        <translation>No site with these codes, or they have no main domain: {codes}</translation>
    </message>
    <message>
        <source>这是演示站群，域名是虚构的，不向外网探测；只探测用 --connect-to 映射到本机地址的网站，而要探测的 {n} 个网站都没有映射。</source>
        <translation>This is a demo cluster with invented domains, which are never probed on the real network; only sites mapped to a local address with --connect-to are probed, and none of the {n} sites to probe is mapped.</translation>
    </message>
    <message>
        <source>{n} 个网站没有主域名，未探测（请在站点登记中补充）。</source>
        <translation>{n} sites have no main domain and were not probed (add one in the site register).</translation>
    </message>
    <message>
        <source>演示站群：跳过 {n} 个未映射到本机地址的网站（域名是虚构的，不向外网探测）。</source>
        <translation>Demo cluster: skipped {n} sites not mapped to a local address (the domains are invented and are not probed on the real network).</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>探测记录</source>
        <translation>Probe history</translation>
    </message>
    <message>
        <source>探测时间</source>
        <translation>Probed at</translation>
    </message>
    <message>
        <source>状态码</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>耗时(ms)</source>
        <translation>Time (ms)</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>证书有效</source>
        <translation>Certificate valid</translation>
    </message>
    <message>
        <source>证书到期</source>
        <translation>Certificate expiry</translation>
    </message>
    <message>
        <source>证书主体</source>
        <translation>Certificate subject</translation>
    </message>
    <message>
        <source>证书签发者</source>
        <translation>Certificate issuer</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>外部跳转</source>
        <translation>Foreign redirect</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>上级网站标识码</source>
        <translation>Parent site code</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>域名</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>映射文件 {name} 无法使用：{reason}</source>
        <translation>The mapping file {name} cannot be used: {reason}</translation>
    </message>
    <message>
        <source>应为 JSON 对象，含 headings 和/或 values 两个对象，值均为文字</source>
        <translation>it must be a JSON object holding the objects headings and/or values, whose values are text</translation>
    </message>
    <message>
        <source>“{value}”不是可用的列名</source>
        <translation>&quot;{value}&quot; is not a known heading</translation>
    </message>
    <message>
        <source>文件缺少这些列：{headings}。</source>
        <translation>The file lacks these columns: {headings}.</translation>
    </message>
    <message>
        <source>开通日期“{value}”格式不对，应为 YYYY-MM-DD。</source>
        <translation>The opening date “{value}” is malformed; use YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>开通日期“{value}”无法识别，可写 2026-01-15、2026/1/15 或 2026年1月15日（也可为 Excel 日期）。</source>
        <translation>Opening date &quot;{value}&quot; cannot be read; write 2026-01-15, 2026/1/15 or 2026年1月15日 (or use an Excel date).</translation>
    </message>
    <message>
        <source>文件中有 {bad} 行有问题（共 {total} 行），没有导入任何站点。</source>
        <translation>{bad} of the file’s {total} rows have problems; no site was imported.</translation>
    </message>
    <message>
        <source>文件中没有数据行。</source>
        <translation>The file has no data rows.</translation>
    </message>
    <message>
        <source>上级网站 {code}（第 {line} 行）本身有问题，未能登记；请先改正该行。</source>
        <translation>The parent site {code} (line {line}) has problems of its own and could not be registered; correct that row first.</translation>
    </message>
    <message>
        <source>上级网站标识码在文件中构成循环（{codes}）。</source>
        <translation>The parent site codes in the file form a loop ({codes}).</translation>
    </message>
    <message>
        <source>文件带有本次新登记网站的 {n} 个栏目地址：这些网站还没有栏目，地址未写入；应用栏目预设后，用 addresses import 导入同一文件即可写入。</source>
        <translation>The file carries {n} column addresses of sites it registers now: those sites have no columns yet, so the addresses were not written; once a column preset is applied, import the same file with addresses import to write them.</translation>
    </message>
    <message>
        <source>栏目地址表{problem}</source>
        <translation>Column address sheet, {problem}</translation>
    </message>
    <message>
        <source>栏目地址有问题，没有导入任何站点：
{problems}</source>
        <translation>The column addresses have problems; no site was imported:
{problems}</translation>
    </message>
    <message>
        <source>域名“{value}”带有 {scheme}：只填写域名本身，如 {domain}（不含 http:// 和路径）。</source>
        <translation>Domain &quot;{value}&quot; includes {scheme}: give the domain alone, such as {domain} (no http:// and no path).</translation>
    </message>
    <message>
        <source>“{name}”处于“{state}”，不能直接转为“{target}”；可转为：{allowed}。</source>
        <translation>“{name}” is “{state}” and cannot go straight to “{target}”; it can go to: {allowed}.</translation>
    </message>
    <message>
        <source>无（终态）</source>
        <translation>none (final state)</translation>
    </message>
    <message>
        <source>“{name}”不能转为“{target}”：{missing}</source>
        <translation>“{name}” cannot go to “{target}”: {missing}</translation>
    </message>
    <message>
        <source>还没有主域名</source>
        <translation>it has no main domain yet</translation>
    </message>
    <message>
        <source>缺少ICP备案号</source>
        <translation>the ICP filing number is missing</translation>
    </message>
    <message>
        <source>缺少公安联网备案号</source>
        <translation>the public-security filing number is missing</translation>
    </message>
    <message>
        <source>未指定整合到哪个网站</source>
        <translation>no site to merge into was named</translation>
    </message>
    <message>
        <source>不能整合到自身</source>
        <translation>a site cannot merge into itself</translation>
    </message>
    <message>
        <source>整合目标“{target}”不在运行中</source>
        <translation>the merge target “{target}” is not running</translation>
    </message>
    <message>
        <source>整合目标“{target}”是它自己的下级网站</source>
        <translation>the merge target “{target}” is one of its own subordinate sites</translation>
    </message>
    <message>
        <source>仍有 {n} 篇稿件未迁移（先整合迁移内容）</source>
        <translation>{n} posts have not been moved (merge the content first)</translation>
    </message>
    <message>
        <source>仍有 {n} 个下级网站在用（如 {names}）</source>
        <translation>{n} subordinate sites are still in use (e.g. {names})</translation>
    </message>
    <message>
        <source>网站名称不能为空，且不超过 {limit} 个字。</source>
        <translation>The site name must not be empty and may have at most {limit} characters.</translation>
    </message>
    <message>
        <source>主办单位名称不能为空。</source>
        <translation>The organiser’s name must not be empty.</translation>
    </message>
    <message>
        <source>网站标识码 {code} 已被“{name}”使用。</source>
        <translation>The site code {code} is already used by “{name}”.</translation>
    </message>
    <message>
        <source>网站类型“{value}”无法识别：应为省级门户、市级门户、县级门户、部门网站或专题网站。</source>
        <translation>The site kind “{value}” is not recognised: use province portal, city portal, county portal, department site or special-topic site.</translation>
    </message>
    <message>
        <source>乡镇、街道不单独开设网站（“{value}”）：其信息在所属县级门户网站上发布，请在县级门户开设栏目。</source>
        <translation>Townships and streets do not run sites of their own (“{value}”): their information is published on their county portal; open a column there.</translation>
    </message>
    <message>
        <source>主办单位性质“{value}”无法识别：应为党政机关或事业单位。</source>
        <translation>The organiser type “{value}” is not recognised: use Party or government organ, or public institution.</translation>
    </message>
    <message>
        <source>{kind}的标识码区划 {region} 应为{level}区划代码。</source>
        <translation>The division {region} in the code of a {kind} must be a {level} division code.</translation>
    </message>
    <message>
        <source>{kind}必须挂在上级网站下，请填写上级网站标识码。</source>
        <translation>A {kind} must sit under a parent site; fill in the parent site code.</translation>
    </message>
    <message>
        <source>上级网站标识码 {code} 不在站群登记中。</source>
        <translation>The parent site code {code} is not in the cluster register.</translation>
    </message>
    <message>
        <source>上级网站“{name}”已整合迁移或永久下线，不能再挂新网站。</source>
        <translation>The parent site “{name}” has been merged or retired and cannot take new sites.</translation>
    </message>
    <message>
        <source>{kind}不能挂在{parent_kind}“{name}”下。</source>
        <translation>A {kind} cannot sit under the {parent_kind} “{name}”.</translation>
    </message>
    <message>
        <source>网站不能以自己或自己的下级网站为上级。</source>
        <translation>A site cannot have itself or one of its subordinate sites as its parent.</translation>
    </message>
    <message>
        <source>标识码 {code} 的区划 {region} 不在上级网站“{name}”所在地区 {parent_region} 范围内。</source>
        <translation>The division {region} of the code {code} lies outside the region {parent_region} of the parent site “{name}”.</translation>
    </message>
    <message>
        <source>国务院部门（bm 开头）的网站只能挂在另一国务院部门网站下，反之亦然。</source>
        <translation>Sites of State Council departments (codes starting with bm) can only sit under another State Council department’s site, and the other way round.</translation>
    </message>
    <message>
        <source>bm 开头的标识码属于国务院部门，只能是部门网站或专题网站。</source>
        <translation>Codes starting with bm belong to State Council departments and can only be department or special-topic sites.</translation>
    </message>
    <message>
        <source>主办单位（{uscc}）已开设网站“{name}”：县级以上单位原则上只开设一个网站，专题网站除外。</source>
        <translation>The organiser ({uscc}) already runs the site “{name}”: above county level an organisation runs one site, special-topic sites aside.</translation>
    </message>
    <message>
        <source>统一社会信用代码 {uscc} 不是机构编制部门登记的代码（应以 1 开头），政府网站的主办单位应为党政机关或事业单位。</source>
        <translation>The unified social credit code {uscc} was not issued by an establishment registry (it should start with 1); a government site’s organiser must be a Party or government organ or a public institution.</translation>
    </message>
    <message>
        <source>统一社会信用代码 {uscc} 显示主办单位是{actual}，与所填性质“{claimed}”不符。</source>
        <translation>The unified social credit code {uscc} shows the organiser is a {actual}, not the “{claimed}” entered.</translation>
    </message>
    <message>
        <source>请指定一个主域名（第一个域名即为主域名）。</source>
        <translation>Give a main domain (the first domain is the main one).</translation>
    </message>
    <message>
        <source>域名 {domain} 重复填写。</source>
        <translation>The domain {domain} is entered twice.</translation>
    </message>
    <message>
        <source>域名 {domain} 已属于“{name}”，站群内域名不能重复。</source>
        <translation>The domain {domain} already belongs to “{name}”; domains are unique across the cluster.</translation>
    </message>
    <message>
        <source>事业单位主办的网站不能使用 .gov.cn 域名（{domain}）。</source>
        <translation>A site run by a public institution cannot use a .gov.cn domain ({domain}).</translation>
    </message>
    <message>
        <source>门户网站的主域名应以 www. 开头（{domain}）。</source>
        <translation>A portal’s main domain must start with www. ({domain}).</translation>
    </message>
    <message>
        <source>域名 {domain} 应在所属门户“{portal}”的域名 {zone} 之下。</source>
        <translation>The domain {domain} must lie under {zone}, the domain of its portal “{portal}”.</translation>
    </message>
    <message>
        <source>有 {n} 处问题：{problems}</source>
        <translation>{n} problems: {problems}</translation>
    </message>
    <message>
        <source>党政机关</source>
        <translation>Party or government organ</translation>
    </message>
    <message>
        <source>事业单位</source>
        <translation>public institution</translation>
    </message>
    <message>
        <source>地市级</source>
        <translation>prefecture-level</translation>
    </message>
    <message>
        <source>无法读取文件 {name}：{reason}</source>
        <translation>Cannot read the file {name}: {reason}</translation>
    </message>
    <message>
        <source>不支持的文件格式：{suffix}（可用 .csv 或 .xlsx）</source>
        <translation>Unsupported file format: {suffix} (use .csv or .xlsx)</translation>
    </message>
    <message>
        <source>文件 {name} 没有标题行。</source>
        <translation>The file {name} has no heading row.</translation>
    </message>
    <message>
        <source>文件 {name} 不是 XLSX 工作簿（可能是别的文件改了扩展名）。</source>
        <translation>File {name} is not an XLSX workbook (perhaps another file renamed).</translation>
    </message>
    <message>
        <source>文件 {name} 不存在。</source>
        <translation>File {name} does not exist.</translation>
    </message>
    <message>
        <source>{name} 不是文件。</source>
        <translation>{name} is not a file.</translation>
    </message>
    <message>
        <source>没有权限读取文件 {name}。</source>
        <translation>No permission to read file {name}.</translation>
    </message>
    <message>
        <source>文件 {name} 不是 UTF-8 或 GB18030 编码的文本。</source>
        <translation>File {name} is not text in UTF-8 or GB18030.</translation>
    </message>
    <message>
        <source>文件 {name} 是 UTF-16 编码（Excel 的“Unicode 文本”）：请另存为“CSV UTF-8（逗号分隔）”，或直接导入 XLSX 工作簿。</source>
        <translation>File {name} is in UTF-16 (Excel&apos;s &quot;Unicode text&quot;): save it as &quot;CSV UTF-8 (comma delimited)&quot;, or import the XLSX workbook itself.</translation>
    </message>
    <message>
        <source>文件 {name} 用制表符分隔各列：请另存为“CSV UTF-8（逗号分隔）”，或直接导入 XLSX 工作簿。</source>
        <translation>File {name} separates its columns with tabs: save it as &quot;CSV UTF-8 (comma delimited)&quot;, or import the XLSX workbook itself.</translation>
    </message>
    <message>
        <source>文件 {name} 的列标题在第 {line} 行：请删去上面的 {above} 行（如表格标题），让第 1 行就是列标题。</source>
        <translation>The column headings of file {name} are on line {line}: delete the {above} line(s) above them (such as a table title) so that line 1 holds the headings.</translation>
    </message>
    <message>
        <source>工作表中有合并单元格（{ranges}）：合并后只有左上角一格有值，请取消合并并填满每一格。</source>
        <translation>The sheet has merged cells ({ranges}): only the top-left cell of a merge keeps its value; unmerge them and fill in every cell.</translation>
    </message>
    <message>
        <source>需处理（到期及以上）</source>
        <translation>Needs action (due and worse)</translation>
    </message>
    <message>
        <source>全部网站</source>
        <translation>All sites</translation>
    </message>
    <message>
        <source>仅逾期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>30 天内到期</source>
        <translation>Due within 30 days</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>改名</source>
        <translation>Renamed</translation>
    </message>
    <message>
        <source>移动</source>
        <translation>Moved</translation>
    </message>
    <message>
        <source>类型或规则</source>
        <translation>Type or rule</translation>
    </message>
    <message>
        <source>一级栏目第 {position} 位</source>
        <translation>position {position} at the top level</translation>
    </message>
    <message>
        <source>“{parent}”下第 {position} 位</source>
        <translation>position {position} under “{parent}”</translation>
    </message>
    <message>
        <source>必设</source>
        <translation>required</translation>
    </message>
    <message>
        <source>可选</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>{days} 天内更新</source>
        <translation>updated within {days} days</translation>
    </message>
    <message>
        <source>不要求定期更新</source>
        <translation>no regular updates required</translation>
    </message>
    <message>
        <source>通过（误报）</source>
        <translation>Approve (false positive)</translation>
    </message>
    <message>
        <source>加白并通过</source>
        <translation>Whitelist and approve</translation>
    </message>
    <message>
        <source>退回编辑</source>
        <translation>Return to editor</translation>
    </message>
    <message>
        <source>撤稿下线</source>
        <translation>Take down</translation>
    </message>
    <message>
        <source>退回意见（编辑会看到）：</source>
        <translation>Note for the editor:</translation>
    </message>
    <message>
        <source>撤稿原因：</source>
        <translation>Reason for taking down:</translation>
    </message>
    <message>
        <source>…另有 {n} 条</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <source>批量审核</source>
        <translation>Bulk review</translation>
    </message>
    <message>
        <source>含不宜公开的内容，已撤稿处理。</source>
        <translation>Contains content unfit for publication; taken down.</translation>
    </message>
    <message>
        <source>含未脱敏的个人信息，已撤稿处理。</source>
        <translation>Contains unmasked personal data; taken down.</translation>
    </message>
    <message>
        <source>含涉密标识或涉密内容（{terms}），已撤稿处理。</source>
        <translation>Contains a classified marking or classified content ({terms}); taken down.</translation>
    </message>
    <message>
        <source>存在严重表述错误（{terms}），已撤稿处理。</source>
        <translation>Contains serious wording errors ({terms}); taken down.</translation>
    </message>
    <message>
        <source>使用了过时表述（{terms}），已撤稿处理。</source>
        <translation>Uses outdated wording ({terms}); taken down.</translation>
    </message>
    <message>
        <source>含政治敏感表述（{terms}），已撤稿处理。</source>
        <translation>Contains politically sensitive wording ({terms}); taken down.</translation>
    </message>
    <message>
        <source>含“{category}”类内容（{terms}），已撤稿处理。</source>
        <translation>Contains content of the category &quot;{category}&quot; ({terms}); taken down.</translation>
    </message>
    <message>
        <source>请填写，编辑和操作日志都会看到。</source>
        <translation>Please fill this in; the editor and the journal will see it.</translation>
    </message>
    <message>
        <source>将对以下 {n} 条作出“{decision}”决定，每条单独记入操作日志：</source>
        <translation>Decide &quot;{decision}&quot; for these {n} items, each journalled separately:</translation>
    </message>
    <message>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>最早到期</source>
        <translation>Earliest due</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>页脚（标识码/ICP/公安）</source>
        <translation>Footer (code/ICP/police)</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>30 天未登录</source>
        <translation>No login for 30 days</translation>
    </message>
    <message>
        <source>90 天未登录</source>
        <translation>No login for 90 days</translation>
    </message>
    <message>
        <source>180 天未登录</source>
        <translation>No login for 180 days</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>授权编号</source>
        <translation>Grant</translation>
    </message>
    <message>
        <source>已过期 {when}</source>
        <translation>Expired {when}</translation>
    </message>
    <message>
        <source>与本范围内的“编辑”或“发布”冲突（先审后发）</source>
        <translation>Conflicts with Edit or Publish over this scope (review before publishing)</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>将执行</source>
        <translation>Will apply</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>以下账号不存在：{names}</source>
        <translation>These accounts do not exist: {names}</translation>
    </message>
    <message>
        <source>以下网站标识码不存在：{codes}</source>
        <translation>These site codes do not exist: {codes}</translation>
    </message>
    <message>
        <source>执行</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>授予全部</source>
        <translation>Grant all</translation>
    </message>
    <message>
        <source>移交</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <source>全部撤销</source>
        <translation>Revoke all</translation>
    </message>
    <message>
        <source>● 本级授权</source>
        <translation>● granted here</translation>
    </message>
    <message>
        <source>↑ 继承</source>
        <translation>↑ inherited</translation>
    </message>
    <message>
        <source>✕ 已过期</source>
        <translation>✕ expired</translation>
    </message>
    <message>
        <source>（已停用或锁定）</source>
        <translation> (disabled or locked)</translation>
    </message>
    <message>
        <source>（先审后发冲突）</source>
        <translation> (review-first conflict)</translation>
    </message>
    <message>
        <source>在此范围内既有“编辑”又有“发布”：同一人不能既撰写又发布同一稿件。</source>
        <translation>Holds both Editor and Publisher over this scope: nobody may both write and publish the same post.</translation>
    </message>
    <message>
        <source>自 {scope}</source>
        <translation> from {scope}</translation>
    </message>
    <message>
        <source>整站</source>
        <translation>whole site</translation>
    </message>
    <message>
        <source>（至 {when}）</source>
        <translation> (until {when})</translation>
    </message>
    <message>
        <source>#{id} {scope} {until}</source>
        <translation>#{id} {scope} {until}</translation>
    </message>
    <message>
        <source>（自 {scope}）</source>
        <translation> (from {scope})</translation>
    </message>
    <message>
        <source>能发布：{names}</source>
        <translation>Can publish: {names}</translation>
    </message>
    <message>
        <source>无人</source>
        <translation>nobody</translation>
    </message>
    <message>
        <source>对象：{kind} {id} {label}</source>
        <translation>Object: {kind} {id} {label}</translation>
    </message>
    <message>
        <source>变更前：</source>
        <translation>Before:</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>变更后：</source>
        <translation>After:</translation>
    </message>
    <message>
        <source>第 {seq} 条&#x3000;{at}&#x3000;{operator}&#x3000;{action}</source>
        <translation>Entry {seq}  {at}  {operator}  {action}</translation>
    </message>
    <message>
        <source>上一条哈希：{hash}</source>
        <translation>Previous hash: {hash}</translation>
    </message>
    <message>
        <source>本条哈希：{hash}</source>
        <translation>This entry&apos;s hash: {hash}</translation>
    </message>
    <message>
        <source>新密码：</source>
        <translation>New password: </translation>
    </message>
    <message>
        <source>再输入一次新密码：</source>
        <translation>New password again: </translation>
    </message>
    <message>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <source>{username} 的密码已修改。</source>
        <translation>{username}&apos;s password has been changed.</translation>
    </message>
    <message>
        <source>修改本人密码（--password-stdin：第一行原密码，第二行新密码）</source>
        <translation>Change one&apos;s own password (--password-stdin: the old password on the first line, the new one on the second)</translation>
    </message>
    <message>
        <source>--region 只用于 icp 和 psb，不适用于 {kind}。</source>
        <translation>--region applies to icp and psb only, not to {kind}.</translation>
    </message>
    <message>
        <source>--region 应为 6 位行政区划代码，而不是“{value}”。</source>
        <translation>--region must be a 6-digit division code, not “{value}”.</translation>
    </message>
    <message>
        <source>校验网站标识码、域名、备案号或信用代码</source>
        <translation>Check a site code, domain, filing number or credit code</translation>
    </message>
    <message>
        <source>要校验的类别：网站标识码、域名、ICP备案号、公安备案号、统一社会信用代码、等保备案证明编号</source>
        <translation>What to check: site code, domain, ICP number, public security filing number, unified social credit code, MLPS filing form number</translation>
    </message>
    <message>
        <source>要校验的值（全角字符按半角处理）</source>
        <translation>The value to check (full-width characters read as their ASCII forms)</translation>
    </message>
    <message>
        <source>icp/psb：网站所在地区的 6 位区划代码，检查备案号是否属于该地区</source>
        <translation>icp/psb: the 6-digit division code of the site&apos;s region, to check that the number belongs to it</translation>
    </message>
    <message>
        <source>首页未能在超时时间内完整返回</source>
        <translation>The home page did not arrive in full within the timeout</translation>
    </message>
    <message>
        <source>请求超时</source>
        <translation>The request timed out</translation>
    </message>
    <message>
        <source>连接被拒绝</source>
        <translation>Connection refused</translation>
    </message>
    <message>
        <source>域名无法解析</source>
        <translation>The domain does not resolve</translation>
    </message>
    <message>
        <source>演示站群：未映射到本机地址，不向外网探测</source>
        <translation>Demo cluster: not mapped to a local address, not probed on the real network</translation>
    </message>
    <message>
        <source>无法连接</source>
        <translation>Cannot connect</translation>
    </message>
    <message>
        <source>演示站群：未映射到本机地址，不向外网访问</source>
        <translation>demo cluster: not mapped to this machine, not visited on the network</translation>
    </message>
    <message>
        <source>超时</source>
        <translation>timed out</translation>
    </message>
    <message>
        <source>重定向过多</source>
        <translation>too many redirects</translation>
    </message>
    <message>
        <source>重定向到站外主机</source>
        <translation>redirects to a host outside the site</translation>
    </message>
    <message>
        <source>巡查已停止</source>
        <translation>patrol stopped</translation>
    </message>
    <message>
        <source>网站在巡查中停止响应</source>
        <translation>the site stopped answering during the patrol</translation>
    </message>
    <message>
        <source>没有列表页地址</source>
        <translation>no list-page address</translation>
    </message>
    <message>
        <source>网站没有登记域名，无法巡查（请在站点登记中补充）</source>
        <translation>the site has no registered domain and cannot be patrolled (add one in the site register)</translation>
    </message>
    <message>
        <source>页面过大，只读了前一部分</source>
        <translation>page too large; only its beginning was read</translation>
    </message>
    <message>
        <source>链接过多，只检查了一部分</source>
        <translation>too many links; only some were checked</translation>
    </message>
    <message>
        <source>新文章过多，其余留待下次巡查</source>
        <translation>too many new articles; the rest wait for the next patrol</translation>
    </message>
    <message>
        <source>未能提取正文</source>
        <translation>no main text could be extracted</translation>
    </message>
    <message>
        <source>重定向到未登记的主机 {host}</source>
        <translation>Redirects to the unregistered host {host}</translation>
    </message>
    <message>
        <source>重定向次数过多</source>
        <translation>Too many redirects</translation>
    </message>
    <message>
        <source>证书无效</source>
        <translation>Invalid certificate</translation>
    </message>
    <message>
        <source>日志第 {seq} 条不存在。</source>
        <translation>Journal entry {seq} does not exist.</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>新建站点</source>
        <translation>New site</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>批量修改</source>
        <translation>Bulk edit</translation>
    </message>
    <message>
        <source>转为“{state}”</source>
        <translation>To “{state}”</translation>
    </message>
    <message>
        <source>并入网站</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <source>迁出稿件数</source>
        <translation>Posts moved</translation>
    </message>
    <message>
        <source>栏目名称</source>
        <translation>Column name</translation>
    </message>
    <message>
        <source>栏目代码</source>
        <translation>Column code</translation>
    </message>
    <message>
        <source>更新周期（天）</source>
        <translation>Update rule (days)</translation>
    </message>
    <message>
        <source>修改“{name}”</source>
        <translation>Change “{name}”</translation>
    </message>
    <message>
        <source>添加“{name}”</source>
        <translation>Add “{name}”</translation>
    </message>
    <message>
        <source>删除“{name}”</source>
        <translation>Remove “{name}”</translation>
    </message>
    <message>
        <source>移动“{name}”</source>
        <translation>Move “{name}”</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>共 {total} 个栏目，其中 {stale} 个超过更新期限，{never} 个从未更新。
一级栏目：{names}</source>
        <translation>{total} columns, {stale} past their update deadline, {never} never updated.
Top-level columns: {names}</translation>
    </message>
    <message>
        <source>本站编辑账号 {accounts} 个；有效授权：{grants}。
稿件 {posts} 篇，下级网站 {children} 个。</source>
        <translation>{accounts} editor accounts on this site; grants in force: {grants}.
{posts} posts, {children} subordinate sites.</translation>
    </message>
    <message>
        <source>尚无备案记录。</source>
        <translation>No filing on record yet.</translation>
    </message>
    <message>
        <source>ICP备案号：{icp}（{icp_date}）
公安联网备案号：{psb}（{psb_date}）
等保级别：{level}，备案日期：{filed}
最近测评：{assessed}，结论：{result}</source>
        <translation>ICP filing number: {icp} ({icp_date})
Public-security filing number: {psb} ({psb_date})
MLPS level: {level}, filed on {filed}
Last assessment: {assessed}, result: {result}</translation>
    </message>
    <message>
        <source>对方的修改：</source>
        <translation>Their changes:</translation>
    </message>
    <message>
        <source>您的修改：</source>
        <translation>Your changes:</translation>
    </message>
    <message>
        <source>覆盖时，您改过的字段以您的为准，对方改的其他字段保留。</source>
        <translation>Overwriting keeps your value for the fields you changed and the other operator&apos;s changes to every other field.</translation>
    </message>
    <message>
        <source>连接超时</source>
        <translation>Connection timed out</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open database</translation>
    </message>
    <message>
        <source>无法打开 {url}：
{reason}

请选择其他连接。</source>
        <translation>Cannot open {url}:
{reason}

Please choose another connection.</translation>
    </message>
    <message>
        <source>无法打开 {url}：
{reason}

仍在使用当前连接。</source>
        <translation>Cannot open {url}:
{reason}

The current connection stays in use.</translation>
    </message>
    <message>
        <source>正在生成演示站群…</source>
        <translation>Generating demo cluster…</translation>
    </message>
    <message>
        <source>演示站群</source>
        <translation>Demo cluster</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Cannot complete</translation>
    </message>
    <message>
        <source>环境故障</source>
        <translation>Environment fault</translation>
    </message>
    <message>
        <source>程序错误</source>
        <translation>Program error</translation>
    </message>
    <message>
        <source>发生了一个程序错误，已记录到日志文件 {path}。您的数据未被改动；可以继续工作，若反复出现请把日志文件交给运维开发人员。</source>
        <translation>A program error occurred and was written to the log file {path}. Your data was not changed; you can keep working. If it happens again, please give the log file to the console&apos;s developers.</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>选择要导入的站点表</source>
        <translation>Choose the site table to import</translation>
    </message>
    <message>
        <source>站点表 (*.xlsx *.csv)</source>
        <translation>Site tables (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>导出失败：{error}</source>
        <translation>Export failed: {error}</translation>
    </message>
    <message>
        <source>“{label}”应为整数，而不是“{value}”。</source>
        <translation>“{label}” must be a whole number, not “{value}”.</translation>
    </message>
    <message>
        <source>“{label}”应为数字，而不是“{value}”。</source>
        <translation>“{label}” must be a number, not “{value}”.</translation>
    </message>
    <message>
        <source>“{label}”应在 {low} 至 {high} 之间，而不是 {value}。</source>
        <translation>“{label}” must be between {low} and {high}, not {value}.</translation>
    </message>
    <message>
        <source>“{value}”不是“{label}”可选的值。</source>
        <translation>“{value}” is not one of the values of “{label}”.</translation>
    </message>
    <message>
        <source>“{value}”不是已知的时区名称：请用 IANA 名称，例如 Asia/Shanghai（北京时间）。</source>
        <translation>“{value}” is not a known time zone: use an IANA name such as Asia/Shanghai (Beijing time).</translation>
    </message>
    <message>
        <source>“{label}”最长 {limit} 个字符，现有 {length} 个。</source>
        <translation>“{label}” takes at most {limit} characters, not {length}.</translation>
    </message>
    <message>
        <source>站群时区</source>
        <translation>Cluster time zone</translation>
    </message>
    <message>
        <source>判断日期（今天、到期、未更新天数）和显示时间所用的时区；数据库始终保存 UTC 时间。</source>
        <translation>The time zone in which dates are judged (today, deadlines, days without updates) and times are shown; the database always stores UTC.</translation>
    </message>
    <message>
        <source>没有名为“{key}”的站群设置；cluster-console settings list 列出全部设置。</source>
        <translation>There is no cluster setting “{key}”; cluster-console settings list shows them all.</translation>
    </message>
    <message>
        <source>截至 {as_of}（{zone}）：检查 {sites} 个运行中的站点，{risky} 个存在单项否决风险；{undetermined} 个站点探测次数不足，暂无法判定可访问性。</source>
        <translation>As of {as_of} ({zone}): {sites} running sites inspected, {risky} at risk of a single-veto failure; {undetermined} sites have too few probes to judge reachability yet.</translation>
    </message>
    <message>
        <source>所用阈值：{thresholds}</source>
        <translation>Thresholds applied: {thresholds}</translation>
    </message>
    <message>
        <source>按单项否决指标检查栏目更新风险</source>
        <translation>Check the columns&apos; update risks against the single-veto indicators</translation>
    </message>
    <message>
        <source>检查日期（默认为站群时区的今天）</source>
        <translation>Check date (default: today in the cluster&apos;s zone)</translation>
    </message>
    <message>
        <source>也列出没有风险的站点</source>
        <translation>Also list the sites without risks</translation>
    </message>
    <message>
        <source>{key} = {value}	{label}（默认 {default}；由{owner}修改）{ignored}</source>
        <translation>{key} = {value}	{label} (default {default}; changed by: {owner}){ignored}</translation>
    </message>
    <message>
        <source>［已存的值“{stored}”无效，按默认值执行］</source>
        <translation> [the stored value “{stored}” is not valid; the default applies]</translation>
    </message>
    <message>
        <source>已将“{label}”（{key}）设为 {value}。</source>
        <translation>Set “{label}” ({key}) to {value}.</translation>
    </message>
    <message>
        <source>“{label}”（{key}）已是 {value}，未改变。</source>
        <translation>“{label}” ({key}) is already {value}; nothing changed.</translation>
    </message>
    <message>
        <source>站群设置（时区、检查阈值、探测等）</source>
        <translation>Cluster settings (time zone, inspection thresholds, probing …)</translation>
    </message>
    <message>
        <source>列出全部设置及其当前值、默认值和负责的职责</source>
        <translation>List every setting with its value, its default and the duty that owns it</translation>
    </message>
    <message>
        <source>修改一项设置（记入操作日志）</source>
        <translation>Change one setting (journalled)</translation>
    </message>
    <message>
        <source>设置项，如 cluster.time_zone</source>
        <translation>Setting, such as cluster.time_zone</translation>
    </message>
    <message>
        <source>新值，如 Asia/Shanghai</source>
        <translation>New value, such as Asia/Shanghai</translation>
    </message>
    <message>
        <source>首页不更新：天数</source>
        <translation>Home page not updated: days</translation>
    </message>
    <message>
        <source>检查日期前这么多天内（含第这么多天）首页没有更新即判定“首页不更新”。</source>
        <translation>The home page fails when it was not updated within this many days before the check date (the last of them included).</translation>
    </message>
    <message>
        <source>栏目不更新：动态要闻栏目天数</source>
        <translation>Columns not updated: days for news columns</translation>
    </message>
    <message>
        <source>动态、要闻类栏目在检查日期前这么多天内没有更新，计为未及时更新。</source>
        <translation>A news column not updated within this many days before the check date counts as not updated in time.</translation>
    </message>
    <message>
        <source>栏目不更新：通知公告/政策文件栏目月数</source>
        <translation>Columns not updated: months for notice and policy columns</translation>
    </message>
    <message>
        <source>通知公告、政策文件类栏目在检查日期前这么多个自然月内没有更新，计为未及时更新。</source>
        <translation>A notice or policy column not updated within this many calendar months before the check date counts as not updated in time.</translation>
    </message>
    <message>
        <source>栏目不更新：未及时更新栏目数</source>
        <translation>Columns not updated: columns not updated in time</translation>
    </message>
    <message>
        <source>上述两类未及时更新的栏目合计达到（含）此数即判定。</source>
        <translation>The site fails when the columns of both kinds not updated in time reach this number.</translation>
    </message>
    <message>
        <source>栏目不更新：应更新未更新栏目数</source>
        <translation>Columns not updated: columns past their own rule</translation>
    </message>
    <message>
        <source>按各栏目自身更新要求应更新而未更新的栏目达到（含）此数即判定。</source>
        <translation>The site fails when the columns not updated as their own update rule requires reach this number.</translation>
    </message>
    <message>
        <source>栏目不更新：空白栏目数</source>
        <translation>Columns not updated: blank columns</translation>
    </message>
    <message>
        <source>从未有过内容的栏目达到（含）此数即判定。</source>
        <translation>The site fails when the columns that never had content reach this number.</translation>
    </message>
    <message>
        <source>无法访问：统计天数</source>
        <translation>Unreachable: days counted</translation>
    </message>
    <message>
        <source>检查日期之前多少个完整的日子里的探测计入“站点无法访问”。</source>
        <translation>How many whole days before the check date count toward “site unreachable”.</translation>
    </message>
    <message>
        <source>无法访问：每天至少探测次数</source>
        <translation>Unreachable: probes needed each day</translation>
    </message>
    <message>
        <source>统计期内每天至少有这么多次探测才判定；不足时只说明探测次数，不作判定。</source>
        <translation>Every day of the period needs this many probes before the rule judges; with fewer it only says how many there were.</translation>
    </message>
    <message>
        <source>无法访问：失败比例（%）</source>
        <translation>Unreachable: failing share (%)</translation>
    </message>
    <message>
        <source>未能打开首页的探测占全部探测的比例达到（含）此值即判定无法访问。</source>
        <translation>The site is unreachable when probes that did not open the home page reach this share of all probes.</translation>
    </message>
    <message>
        <source>无法访问：打开首页的时限（秒）</source>
        <translation>Unreachable: time to open the home page (s)</translation>
    </message>
    <message>
        <source>超过此时限仍未打开首页的探测算作失败；超时设置更短的快速探测超时时不计入（无法判断）。</source>
        <translation>A probe that did not open the home page within this time fails; a quick probe with a shorter timeout that timed out is not counted (it cannot tell).</translation>
    </message>
    <message>
        <source>站群</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>检查指标（单项否决）</source>
        <translation>Inspection (single-veto items)</translation>
    </message>
    <message>
        <source>安全备案与探测</source>
        <translation>Filings and probes</translation>
    </message>
    <message>
        <source>{key}，默认 {default}</source>
        <translation>{key}, default {default}</translation>
    </message>
    <message>
        <source>“{path}”不是可写入的文件夹。</source>
        <translation>&quot;{path}&quot; is not a folder that can be written to.</translation>
    </message>
    <message>
        <source>站点 {site} 不存在。</source>
        <translation>Site {site} does not exist.</translation>
    </message>
    <message>
        <source>年份 {year} 不在 {first} 至 {last} 之间。</source>
        <translation>The year {year} is not between {first} and {last}.</translation>
    </message>
    <message>
        <source>没有这些站点：{codes}</source>
        <translation>No such sites: {codes}</translation>
    </message>
    <message>
        <source>控制台统计，截至 {date}</source>
        <translation>Counted by the console, as of {date}</translation>
    </message>
    <message>
        <source>{who} 于 {when} 填写</source>
        <translation>Entered by {who} at {when}</translation>
    </message>
    <message>
        <source>沿用 {year} 年的填报：{who} 于 {when} 填写</source>
        <translation>Carried from {year}: entered by {who} at {when}</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>{label}应为不小于 0 的整数，而不是“{value}”</source>
        <translation>{label} must be a whole number of 0 or more, not &quot;{value}&quot;</translation>
    </message>
    <message>
        <source>{label}应为不小于 0 的数，最多一位小数，而不是“{value}”</source>
        <translation>{label} must be a number of 0 or more with at most one decimal, not &quot;{value}&quot;</translation>
    </message>
    <message>
        <source>{label}应为“是”或“否”，而不是“{value}”</source>
        <translation>{label} must be &quot;是&quot; (yes) or &quot;否&quot; (no), not &quot;{value}&quot;</translation>
    </message>
    <message>
        <source>{label}只能是：{options}，而不是“{value}”</source>
        <translation>{label} can only be: {options}, not &quot;{value}&quot;</translation>
    </message>
    <message>
        <source>{label}超过 {limit} 个字符</source>
        <translation>{label} is longer than {limit} characters</translation>
    </message>
    <message>
        <source>报表中没有“{key}”这一项</source>
        <translation>The report has no item &quot;{key}&quot;</translation>
    </message>
    <message>
        <source>{label}由控制台统计，不能填写</source>
        <translation>{label} is counted by the console and cannot be entered</translation>
    </message>
    <message>
        <source>数据库地址，如 sqlite:///路径/cluster.sqlite3、postgresql://用户@主机/库名、mysql://用户@主机/库名（默认：${env} 或用户数据目录中的 SQLite 文件）</source>
        <translation>Database URL, such as sqlite:///path/cluster.sqlite3, postgresql://user@host/name or mysql://user@host/name (default: ${env} or the SQLite file in the user&apos;s data folder)</translation>
    </message>
    <message>
        <source>命令</source>
        <translation>command</translation>
    </message>
    <message>
        <source>退出状态：
  0    完成
  1    完成，但有需要注意的：有问题的行、不可访问的网站、逾期事项、无效的标识
  2    拒绝：用法或输入有误、文件有问题、无权限；未作任何更改
  3    数据库无法使用：连接失败，或数据库比本程序新
  4    screen：词库为空，只筛查了个人信息
  130  被中断（Ctrl-C）；未完成的更改没有写入</source>
        <translation>Exit statuses:
  0    done
  1    done, with something needing attention: rows with problems, unreachable sites, overdue items, an invalid identifier
  2    refused: a usage or input error, a bad file, no permission; nothing was changed
  3    the database cannot be used: no connection, or newer than this program
  4    screen: the lexicon is empty, only personal data was screened
  130  interrupted (Ctrl-C); unfinished changes were not written</translation>
    </message>
    <message>
        <source>已中断：未完成的更改没有写入。</source>
        <translation>Interrupted: the unfinished changes were not written.</translation>
    </message>
    <message>
        <source>--demo 与 --db 只能选一个。</source>
        <translation>Use either --demo or --db, not both.</translation>
    </message>
    <message>
        <source>演示站群尚未生成：请先运行 cluster-console --demo demo</source>
        <translation>The demo cluster has not been generated yet: run cluster-console --demo demo first</translation>
    </message>
    <message>
        <source>站群运维控制台 — Cluster Console</source>
        <translation>Cluster Console</translation>
    </message>
    <message>
        <source>界面语言：zh_CN 简体中文（默认）或 en 英文</source>
        <translation>Interface language: zh_CN Simplified Chinese (default) or en English</translation>
    </message>
    <message>
        <source>打开演示站群（首次使用时生成，登录名 sysadmin 等，密码 demo）</source>
        <translation>Open the demo cluster (made by the demo command; logins sysadmin etc., password demo)</translation>
    </message>
    <message>
        <source>把每个标签页渲染为 PNG</source>
        <translation>Render every tab to PNG</translation>
    </message>
    <message>
        <source>保存截图的文件夹（不存在时创建）</source>
        <translation>Folder for the screenshots (created if missing)</translation>
    </message>
    <message>
        <source>“{value}”不是整数</source>
        <translation>&quot;{value}&quot; is not a whole number</translation>
    </message>
    <message>
        <source>“{value}”不是数字</source>
        <translation>&quot;{value}&quot; is not a number</translation>
    </message>
    <message>
        <source>{value} 超出范围，应在 {low} 至 {high} 之间</source>
        <translation>{value} is out of range; it must be from {low} to {high}</translation>
    </message>
    <message>
        <source>“{value}”不是有效的日期，应为 YYYY-MM-DD</source>
        <translation>&quot;{value}&quot; is not a valid date; write YYYY-MM-DD</translation>
    </message>
    <message>
        <source>“{value}”已存在且不是文件夹</source>
        <translation>&quot;{value}&quot; exists and is not a folder</translation>
    </message>
    <message>
        <source>子命令</source>
        <translation>subcommand</translation>
    </message>
    <message>
        <source>（无地址）</source>
        <translation>(no address)</translation>
    </message>
    <message>
        <source>{n} 个栏目，其中 {missing} 个没有列表页地址。</source>
        <translation>{n} columns, {missing} of them without a list-page address.</translation>
    </message>
    <message>
        <source>首页 {home}：{found} 个栏目在导航中找到，{changes} 个与登记不同。</source>
        <translation>Home page {home}: {found} columns found in the navigation, {changes} differ from the register.</translation>
    </message>
    <message>
        <source>首页未能打开：{error}</source>
        <translation>The home page did not open: {error}</translation>
    </message>
    <message>
        <source>名称相同</source>
        <translation>same name</translation>
    </message>
    <message>
        <source>规范化后相同</source>
        <translation>same after normalisation</translation>
    </message>
    <message>
        <source>导航中未找到</source>
        <translation>not found in the navigation</translation>
    </message>
    <message>
        <source>已修改 {n} 个栏目的地址。</source>
        <translation>Changed the addresses of {n} columns.</translation>
    </message>
    <message>
        <source>检查通过：将修改 {n} 个栏目的地址（未写入）。</source>
        <translation>Check passed: {n} column addresses would change (nothing written).</translation>
    </message>
    <message>
        <source>已导出 {n} 个栏目到 {path}</source>
        <translation>Exported {n} columns to {path}</translation>
    </message>
    <message>
        <source>“{value}”应写成 栏目代码=地址（地址留空表示清除）。</source>
        <translation>“{value}” should read COLUMN_CODE=ADDRESS (an empty address clears it).</translation>
    </message>
    <message>
        <source>栏目地址</source>
        <translation>Column addresses</translation>
    </message>
    <message>
        <source>栏目列表页地址（网站巡查所用）</source>
        <translation>columns&apos; list-page addresses (read by the site patrol)</translation>
    </message>
    <message>
        <source>列出栏目及其地址（没有地址的也列出）</source>
        <translation>list columns and their addresses (those without one too)</translation>
    </message>
    <message>
        <source>只列没有地址的栏目</source>
        <translation>only columns without an address</translation>
    </message>
    <message>
        <source>从首页导航按栏目名称找地址，供确认</source>
        <translation>find addresses in the home page&apos;s navigation by column name, for confirmation</translation>
    </message>
    <message>
        <source>同 curl：经另一地址和端口访问登记的主机</source>
        <translation>as in curl: reach a registered host through another address and port</translation>
    </message>
    <message>
        <source>确认：把找到的地址写入登记</source>
        <translation>confirm: write the addresses found into the register</translation>
    </message>
    <message>
        <source>设置栏目地址</source>
        <translation>set column addresses</translation>
    </message>
    <message>
        <source>地址留空表示清除</source>
        <translation>an empty address clears it</translation>
    </message>
    <message>
        <source>导出栏目地址到 CSV/XLSX</source>
        <translation>export column addresses to CSV/XLSX</translation>
    </message>
    <message>
        <source>文件；给出目录时写入其中的“栏目地址_日期.xlsx”</source>
        <translation>file; given a folder, a dated “栏目地址_DATE.xlsx” inside it</translation>
    </message>
    <message>
        <source>从 CSV/XLSX 导入栏目地址（全部成功或全部不导入）</source>
        <translation>import column addresses from CSV/XLSX (all or nothing)</translation>
    </message>
    <message>
        <source>导出所得格式的文件</source>
        <translation>a file in the form the export writes</translation>
    </message>
    <message>
        <source>已生成 {sites} 个网站的年度报表（{files} 个文件）到 {out}</source>
        <translation>Wrote the annual reports of {sites} sites ({files} files) to {out}</translation>
    </message>
    <message>
        <source>{year} 年度尚未结束：报表均为草稿。</source>
        <translation>The year {year} is not over: every report is a draft.</translation>
    </message>
    <message>
        <source>{code}	{name}	缺少必填项：{items}</source>
        <translation>{code}	{name}	Required figures missing: {items}</translation>
    </message>
    <message>
        <source>{count} 个网站的报表缺少必填项，报表上已注明。</source>
        <translation>The reports of {count} sites lack required figures; each report says so.</translation>
    </message>
    <message>
        <source>政府网站工作年度报表：每个网站一份 XLSX 和 PDF，另加汇总工作簿</source>
        <translation>Annual work reports of the government websites: XLSX and PDF per site, plus a summary workbook</translation>
    </message>
    <message>
        <source>报表年度</source>
        <translation>Year of the report</translation>
    </message>
    <message>
        <source>只生成这些网站（可重复）</source>
        <translation>Only these sites (repeatable)</translation>
    </message>
    <message>
        <source>输出文件夹</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <source>随机种子：种子和基准日相同，生成的数据就相同（默认 2026）</source>
        <translation>Random seed: the same seed and as-of date give the same data (default 2026)</translation>
    </message>
    <message>
        <source>网站数，{low} 至 {high}（默认 {default}）</source>
        <translation>Number of sites, {low} to {high} (default {default})</translation>
    </message>
    <message>
        <source>稿件数，0 至 {high}（默认每个网站 {default} 篇）</source>
        <translation>Number of posts, 0 to {high} (default {default} per site)</translation>
    </message>
    <message>
        <source>演示数据的基准日（默认今天，按站群时区）</source>
        <translation>The date the demo data is as of (default today, in the cluster&apos;s zone)</translation>
    </message>
    <message>
        <source>生成演示站群</source>
        <translation>Generate the demo cluster</translation>
    </message>
    <message>
        <source>列出今后多少天内到期的事项，1 至 {high}（默认 90）</source>
        <translation>List what falls due within this many days, 1 to {high} (default 90)</translation>
    </message>
    <message>
        <source>安全备案：待办与到期日历</source>
        <translation>Security filing: what is due, and the calendar of deadlines</translation>
    </message>
    <message>
        <source>按紧急程度列出需处理的网站及原因</source>
        <translation>List the sites needing action by urgency, with the reasons</translation>
    </message>
    <message>
        <source>也列出正常的网站</source>
        <translation>Also list the sites that are in order</translation>
    </message>
    <message>
        <source>今后若干天内到期的事项</source>
        <translation>What falls due in the coming days</translation>
    </message>
    <message>
        <source>每行输出一个 JSON 对象</source>
        <translation>One JSON object per line</translation>
    </message>
    <message>
        <source>没有名为“{name}”的定时任务；jobs list 列出全部任务。</source>
        <translation>There is no scheduled job named &quot;{name}&quot;; jobs list lists them all.</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>done</translation>
    </message>
    <message>
        <source>失败</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>未到时间或正由其他进程运行</source>
        <translation>not due, or being run by another process</translation>
    </message>
    <message>
        <source>从未运行</source>
        <translation>never run</translation>
    </message>
    <message>
        <source>逾期或失败</source>
        <translation>late or failing</translation>
    </message>
    <message>
        <source>运行到期的定时任务后退出</source>
        <translation>run the scheduled jobs that are due, then exit</translation>
    </message>
    <message>
        <source>只运行这些任务</source>
        <translation>run only these jobs</translation>
    </message>
    <message>
        <source>不论是否到期都运行（仍不会重复运行）</source>
        <translation>run whether due or not (still never twice at once)</translation>
    </message>
    <message>
        <source>每个任务的最近一次运行</source>
        <translation>each job&apos;s last run</translation>
    </message>
    <message>
        <source>{code} 页面 {pages} 栏目 {columns}（无地址 {unaddressed}，无日期 {undated}）新文章 {posts} 失效链接 {broken} 暗链 {hidden} 站外跳转 {foreign} {error}</source>
        <translation>{code} pages {pages} columns {columns} (no address {unaddressed}, undated {undated}) new articles {posts} broken links {broken} hidden links {hidden} off-site redirects {foreign} {error}</translation>
    </message>
    <message>
        <source>  {code} {name} 最新 {date} 条目 {items} {url} {error}</source>
        <translation>  {code} {name} newest {date} items {items} {url} {error}</translation>
    </message>
    <message>
        <source>无日期</source>
        <translation>undated</translation>
    </message>
    <message>
        <source>没有要巡查的网站（运行中的网站都已在间隔内巡查过，或没有运行中的网站）。</source>
        <translation>No site to patrol (every running site was patrolled within the interval, or none is running).</translation>
    </message>
    <message>
        <source>已保存 {sites} 个网站的巡查结果，新文章 {posts} 篇。</source>
        <translation>Stored the patrols of {sites} sites, {posts} new articles.</translation>
    </message>
    <message>
        <source>演示站群：跳过 {n} 个未映射到本机地址的网站（域名是虚构的，不向外网巡查）。</source>
        <translation>Demo cluster: skipped {n} sites not mapped to this machine (their domains are invented and never patrolled on the network).</translation>
    </message>
    <message>
        <source>巡查已中断：已完成的网站结果完整，其余网站未巡查。</source>
        <translation>Patrol interrupted: the sites finished are complete, the others were not patrolled.</translation>
    </message>
    <message>
        <source>巡查网站：首页、栏目列表页的更新日期、新文章、失效链接和暗链</source>
        <translation>patrol sites: home page, columns&apos; last updates from their list pages, new articles, broken and hidden links</translation>
    </message>
    <message>
        <source>同 curl：经另一地址和端口访问登记的主机（Host 与 TLS 名称不变）</source>
        <translation>as in curl: reach a registered host through another address and port (Host and TLS name unchanged)</translation>
    </message>
    <message>
        <source>已生成 {month} 月报：{xlsx}、{pdf}（{problems} 个问题，整改期限 {fix_by}）</source>
        <translation>Wrote the {month} report: {xlsx}, {pdf} ({problems} problems, to fix by {fix_by})</translation>
    </message>
    <message>
        <source>邮件：已发送 {sent} 封，失败 {failed} 封，跳过 {skipped} 封（已发送过或正在发送）。</source>
        <translation>Mail: {sent} sent, {failed} failed, {skipped} skipped (sent before or being sent).</translation>
    </message>
    <message>
        <source>未发送（{key}）：{reason}</source>
        <translation>Not sent ({key}): {reason}</translation>
    </message>
    <message>
        <source>smtp.user 为空：服务器不需要密码，无需保存。</source>
        <translation>smtp.user is empty: the server needs no password, nothing to save.</translation>
    </message>
    <message>
        <source>密码未能保存到系统密钥环：{reason}</source>
        <translation>The password could not be saved in the system keyring: {reason}</translation>
    </message>
    <message>
        <source>已把 {user} 的 SMTP 密码保存到系统密钥环。</source>
        <translation>Saved the SMTP password of {user} in the system keyring.</translation>
    </message>
    <message>
        <source>SMTP 密码：</source>
        <translation>SMTP password: </translation>
    </message>
    <message>
        <source>站群运行月报（XLSX 与 PDF）</source>
        <translation>the cluster&apos;s monthly report (XLSX and PDF)</translation>
    </message>
    <message>
        <source>月份，如 2026-11</source>
        <translation>month, e.g. 2026-11</translation>
    </message>
    <message>
        <source>只统计此网站及其下级网站（网站标识码）</source>
        <translation>count only this site and the sites below it (site code)</translation>
    </message>
    <message>
        <source>输出目录</source>
        <translation>output folder</translation>
    </message>
    <message>
        <source>按单位发送给联络员，全文发给运维团队</source>
        <translation>mail each unit&apos;s part to its contact and the whole report to the operations team</translation>
    </message>
    <message>
        <source>把 SMTP 密码保存到系统密钥环</source>
        <translation>store the SMTP password in the system keyring</translation>
    </message>
    <message>
        <source>数据库地址“{url}”缺少类型：SQLite 文件请写 sqlite:///{url}，服务器请写 postgresql://用户@主机/库名 或 mysql://用户@主机/库名。</source>
        <translation>The database address &quot;{url}&quot; lacks its type: write sqlite:///{url} for a SQLite file, postgresql://user@host/name or mysql://user@host/name for a server.</translation>
    </message>
    <message>
        <source>数据库地址 {url} 缺少库名：应为 …://用户@主机/库名。</source>
        <translation>Database URL {url} lacks the database name: write …://user@host/name.</translation>
    </message>
    <message>
        <source>SQLite 数据库 {name} 所在的文件夹 {folder} 不存在。</source>
        <translation>The folder {folder} of SQLite database {name} does not exist.</translation>
    </message>
    <message>
        <source>数据库地址的类型“{scheme}”不受支持，可用：sqlite、postgresql、mysql、mariadb。</source>
        <translation>The database type &quot;{scheme}&quot; is not supported; use sqlite, postgresql, mysql or mariadb.</translation>
    </message>
    <message>
        <source>数据库拒绝了这项操作：当前数据库登录没有 {target} 的 {privilege} 权限。这一权限属于{duties}职责（数据库角色 {roles}）；请数据库管理员为本登录授予该角色，或执行 cluster-console db roles --check 核对角色。</source>
        <translation>The database refused this: the current database login lacks the {privilege} privilege on {target}. That privilege belongs to the {duties} duty (database role {roles}); ask the database administrator to grant that role to this login, or run cluster-console db roles --check to check the roles.</translation>
    </message>
    <message>
        <source>数据库拒绝了这项操作：{target} 的 {privilege} 权限只属于数据库所有者，任何职责都没有。</source>
        <translation>The database refused this: the {privilege} privilege on {target} belongs to the database owner only; no duty holds it.</translation>
    </message>
    <message>
        <source>当前数据库登录 {login} 没有{duty}职责的数据库角色（默认名 {role}），控制台不能以此职责工作。请数据库管理员授予该角色；cluster-console db login 可打印所需的 SQL。</source>
        <translation>The current database login {login} lacks the database role of the {duty} duty (by default named {role}); the console cannot work in that duty. Ask the database administrator to grant the role; cluster-console db login prints the SQL needed.</translation>
    </message>
    <message>
        <source>网站标识码 {code} 未登记</source>
        <translation>site code {code} is not registered</translation>
    </message>
    <message>
        <source>渠道“{channel}”已登记为“{kind}”</source>
        <translation>the channel &quot;{channel}&quot; is registered as &quot;{kind}&quot;</translation>
    </message>
    <message>
        <source>留言编号 {number} 在本渠道中重复（第 {line} 行）</source>
        <translation>message number {number} appears twice in this channel (line {line})</translation>
    </message>
    <message>
        <source>有 {bad} 条记录有问题（共 {total} 条），没有导入任何留言。</source>
        <translation>{bad} of {total} records have problems; no message was imported.</translation>
    </message>
    <message>
        <source>没有留言记录。</source>
        <translation>There are no message records.</translation>
    </message>
    <message>
        <source>渠道名称</source>
        <translation>Channel name</translation>
    </message>
    <message>
        <source>渠道类型</source>
        <translation>Channel kind</translation>
    </message>
    <message>
        <source>留言编号</source>
        <translation>Message number</translation>
    </message>
    <message>
        <source>留言标题</source>
        <translation>Message title</translation>
    </message>
    <message>
        <source>留言时间</source>
        <translation>Message time</translation>
    </message>
    <message>
        <source>答复时间</source>
        <translation>Answer time</translation>
    </message>
    <message>
        <source>办理状态</source>
        <translation>Handling state</translation>
    </message>
    <message>
        <source>是否有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>是否公开</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>答复单位</source>
        <translation>Answering unit</translation>
    </message>
    <message>
        <source>无效原因</source>
        <translation>Reason invalid</translation>
    </message>
    <message>
        <source>政务咨询</source>
        <translation>Government consultation</translation>
    </message>
    <message>
        <source>建言</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>在线访谈</source>
        <translation>Online interview</translation>
    </message>
    <message>
        <source>征集调查</source>
        <translation>Calls for views and surveys</translation>
    </message>
    <message>
        <source>信访</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <source>纪检举报</source>
        <translation>Discipline reports</translation>
    </message>
    <message>
        <source>待办理</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>渠道类型“{value}”不认识，可用：{allowed}</source>
        <translation>unknown channel kind &quot;{value}&quot;; known: {allowed}</translation>
    </message>
    <message>
        <source>办理状态“{value}”不认识，可用：{allowed}</source>
        <translation>unknown handling state &quot;{value}&quot;; known: {allowed}</translation>
    </message>
    <message>
        <source>{what}“{value}”应为“是”或“否”</source>
        <translation>{what} &quot;{value}&quot; must be &quot;是&quot; (yes) or &quot;否&quot; (no)</translation>
    </message>
    <message>
        <source>{what}“{value}”格式不对，应为 YYYY-MM-DD HH:MM</source>
        <translation>{what} &quot;{value}&quot; is malformed; it must be YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>缺少{what}</source>
        <translation>{what} is missing</translation>
    </message>
    <message>
        <source>{what}超过 {limit} 个字符</source>
        <translation>{what} is longer than {limit} characters</translation>
    </message>
    <message>
        <source>{what}没有时区</source>
        <translation>{what} has no time zone</translation>
    </message>
    <message>
        <source>答复时间早于留言时间</source>
        <translation>the answer time is before the message time</translation>
    </message>
    <message>
        <source>状态为“{state}”的有效留言缺少答复时间</source>
        <translation>a valid message in state &quot;{state}&quot; lacks its answer time</translation>
    </message>
    <message>
        <source>状态为待办理却有答复时间</source>
        <translation>the state is pending but an answer time is given</translation>
    </message>
    <message>
        <source>无效留言须注明原因</source>
        <translation>an invalid message needs a reason</translation>
    </message>
    <message>
        <source>{what}晚于现在</source>
        <translation>{what} is later than now</translation>
    </message>
    <message>
        <source>互动回应差：答复时限（月）</source>
        <translation>Poor interaction response: months to answer</translation>
    </message>
    <message>
        <source>有效留言在收到后这么多个自然月内（含当天）未答复，计为超期未答复。</source>
        <translation>A valid message not answered within this many calendar months of its receipt (that day included) counts as answered late.</translation>
    </message>
    <message>
        <source>互动回应差：检查期（月）</source>
        <translation>Poor interaction response: months checked</translation>
    </message>
    <message>
        <source>检查日期前这么多个自然月内出现过超期未答复的留言即计入。</source>
        <translation>A message overdue at any time within this many calendar months before the check date counts.</translation>
    </message>
    <message>
        <source>互动回应差：超期留言数</source>
        <translation>Poor interaction response: overdue messages</translation>
    </message>
    <message>
        <source>政务咨询类渠道超期未答复的有效留言达到（含）此数即判定。</source>
        <translation>The rule is broken when this many (or more) valid messages of consultation channels were answered late.</translation>
    </message>
    <message>
        <source>互动回应差：必须有政务咨询渠道</source>
        <translation>Poor interaction response: a consultation channel is required</translation>
    </message>
    <message>
        <source>required：已导入互动数据的站群中，没有可用政务咨询渠道的运行站点判定互动回应差；not_required：不因缺少渠道判定。</source>
        <translation>required: once interaction data is imported, a running site without a working consultation channel breaks the rule; not_required: a missing channel is not judged.</translation>
    </message>
    <message>
        <source>定时探测间隔（分钟）</source>
        <translation>Probe round interval (minutes)</translation>
    </message>
    <message>
        <source>jobs run 每隔多少分钟探测全部运行中的网站；每小时一次可满足每天 20 次以上。</source>
        <translation>How many minutes apart jobs run probes every running site; hourly gives the 20 or more a day the rule needs.</translation>
    </message>
    <message>
        <source>新稿件筛查间隔（分钟）</source>
        <translation>Queue scan interval (minutes)</translation>
    </message>
    <message>
        <source>jobs run 每隔多少分钟把新发布或修改的稿件筛查进审核队列。</source>
        <translation>How many minutes apart jobs run screens new and changed posts into the review queue.</translation>
    </message>
    <message>
        <source>风险快照间隔（分钟）</source>
        <translation>Risk snapshot interval (minutes)</translation>
    </message>
    <message>
        <source>jobs run 每隔多少分钟记录一次单项否决风险，供监管页的风险趋势使用。</source>
        <translation>How many minutes apart jobs run records the single-veto risks, for the risk trend of the supervision tab.</translation>
    </message>
    <message>
        <source>月报检查间隔（分钟）</source>
        <translation>Monthly report check interval (minutes)</translation>
    </message>
    <message>
        <source>每月 1 日起，jobs run 每隔多少分钟生成上月月报并发送未发出的邮件（失败的会重试）。</source>
        <translation>From the 1st of each month, how many minutes apart jobs run writes last month&apos;s report and sends the mail not yet sent (failures are retried).</translation>
    </message>
    <message>
        <source>网站巡查检查间隔（分钟）</source>
        <translation>Site patrol check interval (minutes)</translation>
    </message>
    <message>
        <source>jobs run 每隔多少分钟巡查到期的网站；每个网站多久巡查一次由 patrol.interval_hours 决定（默认每天一次）。</source>
        <translation>How often (minutes) jobs run patrols the sites that are due; how often each site is patrolled is set by patrol.interval_hours (once a day by default).</translation>
    </message>
    <message>
        <source>嵌入式 SQLite 数据库只供单个操作员使用，没有数据库登录和角色；多人协作请使用 PostgreSQL 或 MariaDB。</source>
        <translation>The embedded SQLite database is for a single operator and has no database logins or roles; for a team use PostgreSQL or MariaDB.</translation>
    </message>
    <message>
        <source>{login} 不能用作数据库登录名。</source>
        <translation>{login} cannot be used as a database login name.</translation>
    </message>
    <message>
        <source>数据库登录 {login} 已存在；如需调整其角色，请由数据库管理员执行所列 SQL。</source>
        <translation>Database login {login} already exists; to change its roles, have the database administrator run the SQL listed.</translation>
    </message>
    <message>
        <source>当前数据库连接无权建立登录；请把所列 SQL 交给数据库管理员执行。</source>
        <translation>The current database connection may not create logins; hand the SQL listed to the database administrator.</translation>
    </message>
    <message>
        <source>数据库中没有登录 {login}；请先建立它。</source>
        <translation>The database has no login {login}; create it first.</translation>
    </message>
    <message>
        <source>数据库中还没有角色 {roles}；请先由数据库所有者执行 cluster-console db roles --apply。</source>
        <translation>The database has no role {roles} yet; the database owner must first run cluster-console db roles --apply.</translation>
    </message>
    <message>
        <source>操作员 {login} 没有任何职责，不需要数据库登录。</source>
        <translation>Operator {login} holds no duty and needs no database login.</translation>
    </message>
    <message>
        <source>没有网站标识码为 {code} 的网站。</source>
        <translation>There is no site with the site code {code}.</translation>
    </message>
    <message>
        <source>网站 {site} 没有代码为 {code} 的栏目。</source>
        <translation>Site {site} has no column with the code {code}.</translation>
    </message>
    <message>
        <source>栏目 {code} 的地址“{url}”不是 http 或 https 网址。</source>
        <translation>The address “{url}” of column {code} is not an http or https URL.</translation>
    </message>
    <message>
        <source>栏目 {code} 的地址超过 {limit} 个字符。</source>
        <translation>The address of column {code} is longer than {limit} characters.</translation>
    </message>
    <message>
        <source>栏目 {code} 的地址“{url}”不在本站群登记的域名内。</source>
        <translation>The address “{url}” of column {code} is not on a domain registered in this cluster.</translation>
    </message>
    <message>
        <source>文件缺少“{heading}”列。</source>
        <translation>The file lacks the column “{heading}”.</translation>
    </message>
    <message>
        <source>第 {line} 行：{problem}</source>
        <translation>Line {line}: {problem}</translation>
    </message>
    <message>
        <source>{count} 处问题，未导入任何地址：
{problems}</source>
        <translation>{count} problems; no address was imported:
{problems}</translation>
    </message>
    <message>
        <source>没有这些网站标识码的网站：{codes}</source>
        <translation>No site has these site codes: {codes}</translation>
    </message>
    <message>
        <source>这是演示站群，域名是虚构的，不向外网巡查；只巡查用 --connect-to 映射到本机地址的网站，而要巡查的 {n} 个网站都没有映射。</source>
        <translation>This is a demo cluster with invented domains, which are never patrolled on the network; only sites mapped to this machine with --connect-to are patrolled, and none of the {n} sites to patrol is mapped.</translation>
    </message>
    <message>
        <source>巡查：每个主机的并发连接数</source>
        <translation>Patrol: connections per host</translation>
    </message>
    <message>
        <source>巡查时同一主机同时最多打开的连接数。</source>
        <translation>The most connections a patrol opens to one host at a time.</translation>
    </message>
    <message>
        <source>巡查：同一主机请求间隔（秒）</source>
        <translation>Patrol: spacing of requests to a host (s)</translation>
    </message>
    <message>
        <source>巡查向同一主机发出的相邻两个请求至少间隔这么多秒。</source>
        <translation>Two successive requests of a patrol to the same host start at least this many seconds apart.</translation>
    </message>
    <message>
        <source>巡查：每个页面的时限（秒）</source>
        <translation>Patrol: time limit per page (s)</translation>
    </message>
    <message>
        <source>一个页面（含正文）在此时限内未读完即算超时。</source>
        <translation>A page (body included) not read within this limit counts as timed out.</translation>
    </message>
    <message>
        <source>巡查：间隔（小时）</source>
        <translation>Patrol: interval (hours)</translation>
    </message>
    <message>
        <source>距上次巡查满这么多小时的网站到期，由巡查进程领取。</source>
        <translation>A site is due, and taken by a patrol process, this many hours after its last patrol.</translation>
    </message>
    <message>
        <source>巡查：站群名称</source>
        <translation>Patrol: cluster name</translation>
    </message>
    <message>
        <source>写入巡查请求的 User-Agent，让网站管理者知道是谁在访问。</source>
        <translation>Written into the patrol&apos;s User-Agent, so that site managers know who is visiting.</translation>
    </message>
    <message>
        <source>无法写入“{path}”：{reason}</source>
        <translation>Cannot write &quot;{path}&quot;: {reason}</translation>
    </message>
    <message>
        <source>找不到可嵌入 PDF 的中文字体（如 文泉驿微米黑 wqy-microhei.ttc、微软雅黑 msyh.ttc）。请安装 fonts-wqy-microhei，或用环境变量 {variable} 指定字体文件。</source>
        <translation>No Chinese font that can be embedded in a PDF was found (such as WenQuanYi Micro Hei wqy-microhei.ttc or Microsoft YaHei msyh.ttc). Install fonts-wqy-microhei, or name a font file in the environment variable {variable}.</translation>
    </message>
    <message>
        <source>字体文件“{path}”不存在或无法读取。</source>
        <translation>The font file &quot;{path}&quot; does not exist or cannot be read.</translation>
    </message>
    <message>
        <source>联络员</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联络员电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>联络员邮箱</source>
        <translation>Contact email</translation>
    </message>
    <message>
        <source>联络员姓名不超过 {limit} 个字。</source>
        <translation>The contact&apos;s name may have at most {limit} characters.</translation>
    </message>
    <message>
        <source>联络员电话“{value}”格式不对：应为手机号或带区号的座机号。</source>
        <translation>The contact phone &quot;{value}&quot; is not valid: give a mobile number or a landline with its area code.</translation>
    </message>
    <message>
        <source>联络员邮箱“{value}”格式不对，应如 name@example.gov.cn。</source>
        <translation>The contact email &quot;{value}&quot; is not valid; it should look like name@example.gov.cn.</translation>
    </message>
    <message>
        <source>{n} 封月报邮件未能发送，下次运行时重试：{reasons}</source>
        <translation>{n} report messages were not sent; the next run tries again: {reasons}</translation>
    </message>
    <message>
        <source>探测全部运行网站</source>
        <translation>Probe every running site</translation>
    </message>
    <message>
        <source>筛查新稿件</source>
        <translation>Screen new posts</translation>
    </message>
    <message>
        <source>记录单项否决风险</source>
        <translation>Record single-veto risks</translation>
    </message>
    <message>
        <source>生成并发送上月月报</source>
        <translation>Write and send last month&apos;s report</translation>
    </message>
    <message>
        <source>月份“{value}”格式不对，应为 YYYY-MM，如 2026-11。</source>
        <translation>The month &quot;{value}&quot; is not valid; write YYYY-MM, such as 2026-11.</translation>
    </message>
    <message>
        <source>{month} 尚未结束（站群时区今天是 {today}），只能生成已结束月份的月报。</source>
        <translation>{month} has not ended (today is {today} in the cluster&apos;s zone); reports are made for months that have ended.</translation>
    </message>
    <message>
        <source>{month} 早于站群中最早的网站（{first}），没有可统计的数据。</source>
        <translation>{month} is before the cluster&apos;s first site ({first}); there is nothing to report.</translation>
    </message>
    <message>
        <source>站群中还没有网站，没有可统计的数据。</source>
        <translation>The cluster has no sites yet; there is nothing to report.</translation>
    </message>
    <message>
        <source>得分 = 100 −（20 × 单项否决风险数 + 10 × 逾期备案数 + 2 × 待审超过 7 天的稿件数）÷ 单位内运行网站数，最低为 0。</source>
        <translation>Score = 100 − (20 × single-veto risks + 10 × overdue filings + 2 × posts awaiting review for more than 7 days) ÷ running sites of the unit, at least 0.</translation>
    </message>
    <message>
        <source>{name}（含下属部门）</source>
        <translation>{name} (with its departments)</translation>
    </message>
    <message>
        <source>全部站群</source>
        <translation>Whole cluster</translation>
    </message>
    <message>
        <source>整改期限（工作日）</source>
        <translation>Fix-by period (working days)</translation>
    </message>
    <message>
        <source>月报列出的问题须在报告日后多少个工作日内整改完毕（不计周六、周日）。</source>
        <translation>How many working days after the report date the problems it lists must be fixed by (Saturdays and Sundays not counted).</translation>
    </message>
    <message>
        <source>运维团队邮箱</source>
        <translation>Operations team email</translation>
    </message>
    <message>
        <source>月报全文发往此邮箱；留空则不发。</source>
        <translation>The whole monthly report is sent to this address; empty: not sent.</translation>
    </message>
    <message>
        <source>审计管理员邮箱</source>
        <translation>Audit administrators&apos; email</translation>
    </message>
    <message>
        <source>每月随月报把日志链头（锚点）发往此邮箱，供 journal verify --anchors 核对；留空则不发。</source>
        <translation>Each month, with the report, the journal&apos;s head (an anchor) is mailed here for journal verify --anchors; leave empty to send none.</translation>
    </message>
    <message>
        <source>SMTP 服务器</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <source>发送月报的邮件服务器主机名；留空则不发邮件。</source>
        <translation>Host name of the mail server that sends the monthly report; empty: no mail is sent.</translation>
    </message>
    <message>
        <source>SMTP 端口</source>
        <translation>SMTP port</translation>
    </message>
    <message>
        <source>STARTTLS 通常为 587，SSL 为 465，不加密为 25。</source>
        <translation>Usually 587 for STARTTLS, 465 for SSL, 25 unencrypted.</translation>
    </message>
    <message>
        <source>发件人地址</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <source>月报邮件的发件人，如 yunwei@example.gov.cn。</source>
        <translation>The sender of the report mail, such as yunwei@example.gov.cn.</translation>
    </message>
    <message>
        <source>SMTP 加密方式</source>
        <translation>SMTP security</translation>
    </message>
    <message>
        <source>none（不加密）、starttls 或 ssl。</source>
        <translation>none (unencrypted), starttls or ssl.</translation>
    </message>
    <message>
        <source>SMTP 用户名</source>
        <translation>SMTP user name</translation>
    </message>
    <message>
        <source>留空则不登录；密码保存在系统密钥环中，不存入数据库。</source>
        <translation>Empty: no login. The password is kept in the system keyring, never in the database.</translation>
    </message>
    <message>
        <source>月报目录</source>
        <translation>Report folder</translation>
    </message>
    <message>
        <source>定时任务把月报写入此目录；留空则写入用户数据目录下的 reports 文件夹。</source>
        <translation>Scheduled jobs write the monthly report into this folder; empty: the reports folder of the user data directory.</translation>
    </message>
    <message>
        <source>未配置邮件服务器：请先设置 smtp.host 与 smtp.sender（cluster-console settings set）。</source>
        <translation>No mail server is configured: set smtp.host and smtp.sender first (cluster-console settings set).</translation>
    </message>
    <message>
        <source>SMTP 用户 {user} 的密码不在密钥环中：{reason}</source>
        <translation>The password of the SMTP user {user} is not in the keyring: {reason}</translation>
    </message>
    <message>
        <source>邮件服务器 {host}:{port} 未能发送：{detail}</source>
        <translation>The mail server {host}:{port} did not send the message: {detail}</translation>
    </message>
    <message>
        <source>首页长期未更新</source>
        <translation>Home page not updated</translation>
    </message>
    <message>
        <source>动态、通知类栏目不更新</source>
        <translation>News and notice columns not updated</translation>
    </message>
    <message>
        <source>应更新栏目不更新</source>
        <translation>Columns due for updates not updated</translation>
    </message>
    <message>
        <source>站点无法访问</source>
        <translation>Site unreachable</translation>
    </message>
    <message>
        <source>咨询留言超期未答复</source>
        <translation>Consultation messages answered late</translation>
    </message>
    <message>
        <source>无可用咨询渠道</source>
        <translation>No working consultation channel</translation>
    </message>
    <message>
        <source>运行网站</source>
        <translation>Running sites</translation>
    </message>
    <message>
        <source>单项否决风险网站</source>
        <translation>Sites at single-veto risk</translation>
    </message>
    <message>
        <source>近 7 天可用率（%）</source>
        <translation>Availability over 7 days (%)</translation>
    </message>
    <message>
        <source>不可访问网站（失败 ≥ 5%）</source>
        <translation>Unreachable sites (failures ≥ 5%)</translation>
    </message>
    <message>
        <source>探测不足无法判定</source>
        <translation>Too few probes to judge</translation>
    </message>
    <message>
        <source>备案逾期网站</source>
        <translation>Sites with overdue filings</translation>
    </message>
    <message>
        <source>30 天内到期网站</source>
        <translation>Sites with filings due within 30 days</translation>
    </message>
    <message>
        <source>待审稿件</source>
        <translation>Posts awaiting review</translation>
    </message>
    <message>
        <source>最早待审</source>
        <translation>Oldest awaiting review</translation>
    </message>
    <message>
        <source>近 7 天审核</source>
        <translation>Decisions in the last 7 days</translation>
    </message>
    <message>
        <source>审核用时中位数（小时）</source>
        <translation>Median time to decision (hours)</translation>
    </message>
    <message>
        <source>本月更新</source>
        <translation>Updates this month</translation>
    </message>
    <message>
        <source>本月个人信息发现</source>
        <translation>Personal-data findings this month</translation>
    </message>
    <message>
        <source>当前连接</source>
        <translation>Current connection</translation>
    </message>
    <message>
        <source>退出站群运维控制台</source>
        <translation>Quit Cluster Console</translation>
    </message>
    <message>
        <source>尚未登录。要退出站群运维控制台吗？</source>
        <translation>You are not logged in. Quit Cluster Console?</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>{tabs}有未保存的修改。{leaving}前保存吗？</source>
        <translation>{tabs} hold unsaved changes. Save them before you {leaving}?</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>未能保存，请查看提示后再试。</source>
        <translation>Could not save; read the message and try again.</translation>
    </message>
    <message>
        <source>已领取的待审内容</source>
        <translation>Claimed review items</translation>
    </message>
    <message>
        <source>您领取的 {n} 条待审内容尚未处理。交回队列，其他审核员就能立即处理；保留则它们锁定到租约到期。</source>
        <translation>You hold {n} claimed review items not yet decided. Give them back to the queue so other reviewers can take them at once; keep them and they stay locked until the lease runs out.</translation>
    </message>
    <message>
        <source>交回队列</source>
        <translation>Give back</translation>
    </message>
    <message>
        <source>保留</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>log out</translation>
    </message>
    <message>
        <source>切换操作员</source>
        <translation>switch operator</translation>
    </message>
    <message>
        <source>切换数据库</source>
        <translation>switch database</translation>
    </message>
    <message>
        <source>切换界面语言</source>
        <translation>switch the language</translation>
    </message>
    <message>
        <source>失效链接</source>
        <translation>broken link</translation>
    </message>
    <message>
        <source>暗链</source>
        <translation>hidden link</translation>
    </message>
    <message>
        <source>跳转站外</source>
        <translation>redirects off the site</translation>
    </message>
    <message>
        <source>（首页）</source>
        <translation> (home page)</translation>
    </message>
    <message>
        <source>监管</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>运行中</source>
        <translation>running</translation>
    </message>
    <message>
        <source>逾期备案</source>
        <translation>Overdue filings</translation>
    </message>
    <message>
        <source>待审超过 7 天</source>
        <translation>Waiting over 7 days</translation>
    </message>
    <message>
        <source>定时任务</source>
        <translation>Scheduled jobs</translation>
    </message>
    <message>
        <source>间隔（分钟）</source>
        <translation>Interval (minutes)</translation>
    </message>
    <message>
        <source>最近开始</source>
        <translation>Last started</translation>
    </message>
    <message>
        <source>巡查到期的网站</source>
        <translation>Patrol the sites that are due</translation>
    </message>
    <message>
        <source>日志锚点 {month}</source>
        <translation>Journal anchor {month}</translation>
    </message>
    <message>
        <source>发送月报时的日志链头：第 {seq} 条，哈希 {hash}，时间 {at}。
请保存附件，需要时用 cluster-console journal verify --anchors 附件 核对日志未被改写。</source>
        <translation>The journal&apos;s head when the report was sent: entry {seq}, hash {hash}, at {at}.
Keep the attachment; cluster-console journal verify --anchors ATTACHMENT checks that the journal was not rewritten.</translation>
    </message>
    <message>
        <source>生成并发送报告</source>
        <translation>generate and send reports</translation>
    </message>
    <message>
        <source>保存为新版本</source>
        <translation>Save as new version</translation>
    </message>
    <message>
        <source>另存为新预设…</source>
        <translation>Save as new preset…</translation>
    </message>
    <message>
        <source>导出 JSON…</source>
        <translation>Export JSON…</translation>
    </message>
    <message>
        <source>后台进程意外退出，请重试。</source>
        <translation>The background process ended unexpectedly; please try again.</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>修改编辑账号</source>
        <translation>Edit editor account</translation>
    </message>
    <message>
        <source>新建编辑账号</source>
        <translation>New editor account</translation>
    </message>
    <message>
        <source>10 位网站标识码，可留空</source>
        <translation>10-character site code, optional</translation>
    </message>
    <message>
        <source>大陆手机号，11 位，可留空</source>
        <translation>Mainland mobile number, 11 digits, optional</translation>
    </message>
    <message>
        <source>账号(&amp;U)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>姓名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>单位(&amp;O)</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>所属网站(&amp;S)</source>
        <translation>Home &amp;site</translation>
    </message>
    <message>
        <source>手机(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>邮箱(&amp;E)</source>
        <translation>&amp;Email</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <source>账号详情</source>
        <translation>Account details</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>所属网站</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最近登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>显示完整手机号（记入日志）</source>
        <translation>Show full phone number (journalled)</translation>
    </message>
    <message>
        <source>有效权限（每项权限及其来源授权）</source>
        <translation>Effective rights (each with the grant it comes from)</translation>
    </message>
    <message>
        <source>含已过期</source>
        <translation>Include expired</translation>
    </message>
    <message>
        <source>撤销所选授权</source>
        <translation>Revoke selected grant</translation>
    </message>
    <message>
        <source>续期…</source>
        <translation>Renew…</translation>
    </message>
    <message>
        <source>给所选授权设新的到期时间（含已过期的）</source>
        <translation>Give the selected grant a new expiry (expired ones too)</translation>
    </message>
    <message>
        <source>（连续登录失败 {n} 次）</source>
        <translation> ({n} failed logins in a row)</translation>
    </message>
    <message>
        <source>从未登录</source>
        <translation>Never logged in</translation>
    </message>
    <message>
        <source>有效权限：{n} 项（每项权限及其来源授权）</source>
        <translation>Effective rights: {n} (each with the grant it comes from)</translation>
    </message>
    <message>
        <source>账号{status}：以下授权在启用或解锁前不生效。</source>
        <translation>Account {status}: the grants below are not in force until it is re-enabled or unlocked.</translation>
    </message>
    <message>
        <source>先审后发冲突：在 {sites} 同一范围内既有“编辑”又有“发布”（黄色行）。</source>
        <translation>Review-before-publish conflict: holds both Edit and Publish over the same scope on {sites} (amber rows).</translation>
    </message>
    <message>
        <source>请先在右侧选择一项授权。</source>
        <translation>First select a grant on the right.</translation>
    </message>
    <message>
        <source>续期授权 #{id}</source>
        <translation>Renew grant #{id}</translation>
    </message>
    <message>
        <source>已续期授权 #{id}。</source>
        <translation>Grant #{id} renewed.</translation>
    </message>
    <message>
        <source>撤销 {u} 在 {scope} 的“{role}”授权？</source>
        <translation>Revoke {u}&apos;s {role} grant on {scope}?</translation>
    </message>
    <message>
        <source>撤销授权</source>
        <translation>Revoke grant</translation>
    </message>
    <message>
        <source>已撤销授权 #{id}。</source>
        <translation>Grant #{id} revoked.</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>单位名称包含</source>
        <translation>Organisation contains</translation>
    </message>
    <message>
        <source>任何角色</source>
        <translation>Any role</translation>
    </message>
    <message>
        <source>任何状态</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>网站</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最近登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>新建(&amp;N)…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>修改(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>停用</source>
        <comment>动作</comment>
        <translation>Disable</translation>
    </message>
    <message>
        <source>启用</source>
        <comment>动作</comment>
        <translation>Enable</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>批量授权(&amp;B)…</source>
        <translation>&amp;Bulk grant…</translation>
    </message>
    <message>
        <source>移交授权…</source>
        <translation>Hand over grants…</translation>
    </message>
    <message>
        <source>撤销全部授权…</source>
        <translation>Revoke all grants…</translation>
    </message>
    <message>
        <source>全部网站</source>
        <translation>All sites</translation>
    </message>
    <message>
        <source>已新建账号 {u}。</source>
        <translation>Account {u} created.</translation>
    </message>
    <message>
        <source>已保存账号 {u}。</source>
        <translation>Account {u} saved.</translation>
    </message>
    <message>
        <source>停用账号 {u}？停用后其授权保留但不再生效。</source>
        <translation>Disable account {u}? Its grants are kept but no longer take effect.</translation>
    </message>
    <message>
        <source>停用账号</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>账号 {u} 的状态已更新。</source>
        <translation>Status of account {u} updated.</translation>
    </message>
    <message>
        <source>已解锁账号 {u}。</source>
        <translation>Account {u} unlocked.</translation>
    </message>
    <message>
        <source>已导入 {n} 个账号。</source>
        <translation>{n} accounts imported.</translation>
    </message>
    <message>
        <source>批量授权完成：新增 {n} 项。</source>
        <translation>Bulk grant done: {n} grants added.</translation>
    </message>
    <message>
        <source>移交完成：新增 {n} 项授权。</source>
        <translation>Handover done: {n} grants added.</translation>
    </message>
    <message>
        <source>已撤销 {n} 项授权。</source>
        <translation>{n} grants revoked.</translation>
    </message>
    <message>
        <source>账号已停用。</source>
        <translation> The account is disabled.</translation>
    </message>
</context>
<context>
    <name>AnnualFiguresDialog</name>
    <message>
        <source>保存填报(&amp;S)</source>
        <translation>&amp;Save figures</translation>
    </message>
    <message>
        <source>生成本站报表…</source>
        <translation>Generate this site&apos;s report…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>年度报表 — {code}</source>
        <translation>Annual report — {code}</translation>
    </message>
    <message>
        <source>选择保存报表的文件夹</source>
        <translation>Choose the folder for the reports</translation>
    </message>
    <message>
        <source>{name}（{code}）{year} 年度，统计截至 {date}</source>
        <translation>{name} ({code}), year {year}, counted up to {date}</translation>
    </message>
    <message>
        <source>。草稿：年度尚未结束</source>
        <translation>. Draft: the year is not over</translation>
    </message>
    <message>
        <source>缺少必填项：{items}</source>
        <translation>Required figures missing: {items}</translation>
    </message>
    <message>
        <source>没有修改。</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <source>已保存 {n} 项。</source>
        <translation>Saved {n} figures.</translation>
    </message>
</context>
<context>
    <name>ApplyDialog</name>
    <message>
        <source>应用栏目预设：{title}</source>
        <translation>Apply column preset: {title}</translation>
    </message>
    <message>
        <source>该预设适用类型的全部站点</source>
        <translation>Every site of the kind this preset applies to</translation>
    </message>
    <message>
        <source>指定站点：</source>
        <translation>These sites:</translation>
    </message>
    <message>
        <source>网站标识码，以空格或逗号分隔</source>
        <translation>Site codes, separated by spaces or commas</translation>
    </message>
    <message>
        <source>预览改动</source>
        <translation>Preview changes</translation>
    </message>
    <message>
        <source>导出预览…</source>
        <translation>Export preview…</translation>
    </message>
    <message>
        <source>把预览的每个站点及其逐个栏目的改动导出为 CSV 或 XLSX</source>
        <translation>Export every previewed site with its column-by-column changes to CSV or XLSX</translation>
    </message>
    <message>
        <source>先预览：列出每个站点将新增、调整的栏目，以及保留的本地栏目。</source>
        <translation>Preview first: for each site, the columns to add, the columns to adjust and the local columns that stay.</translation>
    </message>
    <message>
        <source>站点</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>新增栏目</source>
        <translation>Columns to add</translation>
    </message>
    <message>
        <source>名称或位置不同</source>
        <translation>Different name or place</translation>
    </message>
    <message>
        <source>保留的本地栏目</source>
        <translation>Local columns kept</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>选中一个站点，查看逐个栏目的改动</source>
        <translation>Select a site to see its changes column by column</translation>
    </message>
    <message>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>{sites} 个站点：{changing} 个将修改栏目，{following} 个只需记录所跟随的版本，{same} 个已一致，{skipped} 个将跳过。不会删除任何栏目。</source>
        <translation>{sites} sites: {changing} will have columns changed, {following} only need the followed version recorded, {same} already match, {skipped} will be skipped. No column is ever deleted.</translation>
    </message>
    <message>
        <source>导出应用预览</source>
        <translation>Export apply preview</translation>
    </message>
    <message>
        <source>栏目预设应用预览</source>
        <translation>Column preset apply preview</translation>
    </message>
    <message>
        <source>逐栏目改动</source>
        <translation>Changes column by column</translation>
    </message>
    <message>
        <source>已与此版本一致</source>
        <translation>Already matches this version</translation>
    </message>
    <message>
        <source>栏目已一致，将记录为跟随此版本</source>
        <translation>Columns already match; will be recorded as following this version</translation>
    </message>
    <message>
        <source>{n} 个本地栏目有稿件，原样保留</source>
        <translation>{n} local columns hold posts and stay as they are</translation>
    </message>
    <message>
        <source>新增：{name}（{code}）</source>
        <translation>Add: {name} ({code})</translation>
    </message>
    <message>
        <source>调整：{name}（{code}）：{fields}</source>
        <translation>Change: {name} ({code}): {fields}</translation>
    </message>
    <message>
        <source>保留：{name}（{code}，{posts} 篇稿件）</source>
        <translation>Keep: {name} ({code}, {posts} posts)</translation>
    </message>
    <message>
        <source>应用到 {n} 个站点</source>
        <translation>Apply to {n} sites</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已应用到 {changed} 个站点（共 {total} 个）。</source>
        <translation>Applied to {changed} sites (of {total}).</translation>
    </message>
    <message>
        <source>已取消：其余站点未改动。</source>
        <translation> Cancelled: the remaining sites were not changed.</translation>
    </message>
    <message>
        <source>出错后停止：{error}</source>
        <translation> Stopped after an error: {error}</translation>
    </message>
</context>
<context>
    <name>AreaTab</name>
    <message>
        <source>按三员分立的要求，此页只对以下职责开放：{duties}。</source>
        <translation>Under the separation of the three administrator duties, this page is open only to: {duties}.</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>将修改 {ready} 个网站，跳过 {skipped} 个（原因见下表）。</source>
        <translation>{ready} sites will change, {skipped} will be skipped (reasons below).</translation>
    </message>
    <message>
        <source>网站标识码</source>
        <translation>Site code</translation>
    </message>
    <message>
        <source>网站名称</source>
        <translation>Site name</translation>
    </message>
    <message>
        <source>当前</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>改为</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>将修改</source>
        <translation>Will change</translation>
    </message>
    <message>
        <source>执行</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>此操作不可撤销。请输入“{word}”以确认：</source>
        <translation>This cannot be undone. Type “{word}” to confirm:</translation>
    </message>
</context>
<context>
    <name>BulkFieldDialog</name>
    <message>
        <source>批量修改</source>
        <translation>Bulk edit</translation>
    </message>
    <message>
        <source>新值（上级网站填标识码，日期为 YYYY-MM-DD）</source>
        <translation>New value (a code for the parent site, YYYY-MM-DD for dates)</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
</context>
<context>
    <name>BulkGrantDialog</name>
    <message>
        <source>批量授权</source>
        <translation>Bulk grant</translation>
    </message>
    <message>
        <source>每行一个账号（或用空格、逗号分隔）</source>
        <translation>One account per line (or separated by spaces or commas)</translation>
    </message>
    <message>
        <source>每行一个网站标识码</source>
        <translation>One site code per line</translation>
    </message>
    <message>
        <source>账号(&amp;A)</source>
        <translation>&amp;Accounts</translation>
    </message>
    <message>
        <source>网站(&amp;S)</source>
        <translation>&amp;Sites</translation>
    </message>
    <message>
        <source>角色(&amp;R)</source>
        <translation>&amp;Role</translation>
    </message>
</context>
<context>
    <name>ClusterSettingsDialog</name>
    <message>
        <source>站群设置</source>
        <translation>Cluster settings</translation>
    </message>
    <message>
        <source>灰色的设置只能查看：修改它们需要{duties}职责。</source>
        <translation>Greyed settings can only be viewed: changing them needs the duty of {duties}.</translation>
    </message>
</context>
<context>
    <name>ColumnTreeModel</name>
    <message>
        <source>不要求</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>连接数据库</source>
        <translation>Connect to database</translation>
    </message>
    <message>
        <source>已保存的连接</source>
        <translation>Saved connections</translation>
    </message>
    <message>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>连接名称</source>
        <translation>Connection name</translation>
    </message>
    <message>
        <source>例如：省级平台主库</source>
        <translation>e.g. Provincial platform main database</translation>
    </message>
    <message>
        <source>数据库地址</source>
        <translation>Database address</translation>
    </message>
    <message>
        <source>postgresql+psycopg://用户@主机:5432/库名</source>
        <translation>postgresql+psycopg://user@host:5432/database</translation>
    </message>
    <message>
        <source>不含密码的地址，例如：
sqlite:///D:/站群/cluster.sqlite3
postgresql+psycopg://用户@主机:5432/库名
mysql+pymysql://用户@主机:3306/库名</source>
        <translation>Address without the password, for example:
sqlite:///D:/Cluster/cluster.sqlite3
postgresql+psycopg://user@host:5432/database
mysql+pymysql://user@host:3306/database</translation>
    </message>
    <message>
        <source>数据库密码</source>
        <translation>Database password</translation>
    </message>
    <message>
        <source>SQLite 文件是单操作员数据库：数据库不能按职责限制权限，也不能防止操作日志被改写。多人协作请连接 PostgreSQL 或 MariaDB，每位操作员使用自己的数据库登录。</source>
        <translation>An SQLite file is a single-operator database: it cannot limit what each duty writes, nor keep the journal from being rewritten. For a team connect to PostgreSQL or MariaDB, each operator with a database login of their own.</translation>
    </message>
    <message>
        <source>密码保存方式</source>
        <translation>Password storage</translation>
    </message>
    <message>
        <source>正在测试连接</source>
        <translation>Testing connection</translation>
    </message>
    <message>
        <source>测试结果</source>
        <translation>Test result</translation>
    </message>
    <message>
        <source>测试连接(&amp;T)</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>名称(&amp;M)</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>地址(&amp;A)</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>正在测试连接…</source>
        <translation>Testing connection…</translation>
    </message>
    <message>
        <source>正在保存连接…</source>
        <translation>Saving connection…</translation>
    </message>
    <message>
        <source>测试连接在 {n} 秒内没有结果。</source>
        <translation>The connection test gave no result within {n} seconds.</translation>
    </message>
    <message>
        <source>密码只在本次运行期间保存在内存中，不写入任何文件；下次启动需重新输入。（{reason}）</source>
        <translation>The password is kept in memory for this session only and is not written to any file; you will need to enter it again next time. ({reason})</translation>
    </message>
</context>
<context>
    <name>DatabaseLoginsDialog</name>
    <message>
        <source>操作员的数据库登录</source>
        <translation>Operators&apos; database logins</translation>
    </message>
    <message>
        <source>每位操作员的控制台用自己的数据库登录连接站群数据库，这个登录只持有其职责的数据库角色：服务器据此拒绝职责以外的修改，任何人都不能改写操作日志。数据库口令与控制台登录密码是两回事，由本人在“连接数据库”时填写并保存在本机密钥环中。</source>
        <translation>Each operator&apos;s console connects to the cluster database with a database login of their own that holds only their duties&apos; database roles: the server refuses changes outside those duties, and nobody can rewrite the journal. The database password is not the console login password; its owner enters it under “Connect to database” and it is kept in this machine&apos;s keyring.</translation>
    </message>
    <message>
        <source>建立数据库登录的 SQL</source>
        <translation>SQL creating the database logins</translation>
    </message>
    <message>
        <source>操作员的职责变了，其数据库登录的角色也要随之调整。本连接有权直接执行。</source>
        <translation>The operator&apos;s duties changed, so their database login&apos;s roles must change too. This connection may run it directly.</translation>
    </message>
    <message>
        <source>操作员的职责变了，其数据库登录的角色也要随之调整：请把上面的 SQL 交给数据库管理员执行。</source>
        <translation>The operator&apos;s duties changed, so their database login&apos;s roles must change too: hand the SQL above to the database administrator.</translation>
    </message>
    <message>
        <source>本连接有权建立登录：可直接建立，口令由系统生成，只显示一次。</source>
        <translation>This connection may create logins: create them here; passwords are generated and shown once.</translation>
    </message>
    <message>
        <source>本连接无权建立登录：请把上面的 SQL 交给数据库管理员执行（把 &lt;口令&gt; 换成口令）。</source>
        <translation>This connection may not create logins: hand the SQL above to the database administrator (replacing &lt;口令&gt; with a password).</translation>
    </message>
    <message>
        <source>执行(&amp;R)</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>建立登录(&amp;C)</source>
        <translation>&amp;Create logins</translation>
    </message>
    <message>
        <source>已调整数据库登录的角色。</source>
        <translation>The database login&apos;s roles are adjusted.</translation>
    </message>
    <message>
        <source>数据库登录 {login}：口令 {password}</source>
        <translation>Database login {login}: password {password}</translation>
    </message>
    <message>
        <source>已建立。请把口令当面交给本人；关闭本窗口后不再显示。</source>
        <translation>Created. Hand each password to its owner in person; it is not shown again once this window closes.</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>J / K：下一条 / 上一条</source>
        <translation>J / K: next / previous</translation>
    </message>
    <message>
        <source>已决定的条目不能再次决定</source>
        <translation>Decided items cannot be decided again</translation>
    </message>
    <message>
        <source>已决定的条目不能再次决定。</source>
        <translation>Decided items cannot be decided again.</translation>
    </message>
    <message>
        <source>请先选择要审核的条目。</source>
        <translation>Select the items to review first.</translation>
    </message>
    <message>
        <source>加白并通过</source>
        <translation>Whitelist and approve</translation>
    </message>
    <message>
        <source>加入白名单的短语（须包含被标记的词）：</source>
        <translation>Phrase to whitelist (must contain the flagged text):</translation>
    </message>
    <message>
        <source>已{decision}：{n} 条</source>
        <translation>{decision}: {n} items</translation>
    </message>
    <message>
        <source>；{n} 条未处理：{reasons}</source>
        <translation>; {n} not decided: {reasons}</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>词条</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>严重度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>选择左侧条目查看稿件和问题</source>
        <translation>Select an item on the left to see the post and its findings</translation>
    </message>
    <message>
        <source>发布 {when}</source>
        <translation>Published {when}</translation>
    </message>
    <message>
        <source>入队 {when}</source>
        <translation>Queued {when}</translation>
    </message>
    <message>
        <source>处理人 {name}</source>
        <translation>Handled by {name}</translation>
    </message>
    <message>
        <source>意见：{note}</source>
        <translation>Note: {note}</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <source>比较版本</source>
        <translation>Compare versions</translation>
    </message>
    <message>
        <source>第 {number} 版（{at}）{note}</source>
        <translation>Version {number} ({at}) {note}</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>栏目代码</source>
        <translation>Column code</translation>
    </message>
    <message>
        <source>栏目名称</source>
        <translation>Column name</translation>
    </message>
    <message>
        <source>原</source>
        <translation>Old</translation>
    </message>
    <message>
        <source>新</source>
        <translation>New</translation>
    </message>
    <message>
        <source>从：</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>到：</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>选择了同一个版本：没有差异。</source>
        <translation>The same version is chosen on both sides: no differences.</translation>
    </message>
    <message>
        <source>{n} 处变化</source>
        <translation>{n} changes</translation>
    </message>
</context>
<context>
    <name>ExpiryEdit</name>
    <message>
        <source>到期时间</source>
        <translation>Expires at</translation>
    </message>
    <message>
        <source>按站群时区 {zone} 填写</source>
        <translation>Enter in the cluster&apos;s time zone {zone}</translation>
    </message>
</context>
<context>
    <name>FilingDetailPane</name>
    <message>
        <source>选择左侧的网站查看其备案</source>
        <translation>Select a site on the left to see its filing</translation>
    </message>
    <message>
        <source>待办事项与原因</source>
        <translation>Findings and reasons</translation>
    </message>
    <message>
        <source>备案信息</source>
        <translation>Filing</translation>
    </message>
    <message>
        <source>ICP备案号</source>
        <translation>ICP number</translation>
    </message>
    <message>
        <source>ICP备案日期</source>
        <translation>ICP filing date</translation>
    </message>
    <message>
        <source>公安联网备案号</source>
        <translation>Public security filing number</translation>
    </message>
    <message>
        <source>公安备案日期</source>
        <translation>Public security filing date</translation>
    </message>
    <message>
        <source>定级日期</source>
        <translation>Grading date</translation>
    </message>
    <message>
        <source>备案证明编号（11 位）</source>
        <translation>Filing form number (11 digits)</translation>
    </message>
    <message>
        <source>等保备案日期</source>
        <translation>Protection filing date</translation>
    </message>
    <message>
        <source>最近测评日期</source>
        <translation>Last assessment date</translation>
    </message>
    <message>
        <source>未定级</source>
        <translation>Not graded</translation>
    </message>
    <message>
        <source>第 {n} 级</source>
        <translation>Level {n}</translation>
    </message>
    <message>
        <source>等保级别</source>
        <translation>Protection level</translation>
    </message>
    <message>
        <source>测评结论</source>
        <translation>Assessment result</translation>
    </message>
    <message>
        <source>整改说明</source>
        <translation>Rectification notes</translation>
    </message>
    <message>
        <source>附件名称，如 备案证明扫描件</source>
        <translation>Attachment name, e.g. scan of the filing certificate</translation>
    </message>
    <message>
        <source>文件位置（路径或网址）</source>
        <translation>Location (path or URL)</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>移除所选附件</source>
        <translation>Remove selected attachment</translation>
    </message>
    <message>
        <source>保存备案</source>
        <translation>Save filing</translation>
    </message>
    <message>
        <source>最近探测</source>
        <translation>Recent probes</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>双击打开附件</source>
        <translation>Double-click to open the attachment</translation>
    </message>
    <message>
        <source>只有系统管理员可以修改备案</source>
        <translation>Only the system administrator may change filings</translation>
    </message>
    <message>
        <source>未开通</source>
        <translation>not opened</translation>
    </message>
    <message>
        <source>{code} {name}（区划 {region}，开通 {opened}）</source>
        <translation>{code} {name} (division {region}, opened {opened})</translation>
    </message>
    <message>
        <source>先保存备案信息，再添加附件</source>
        <translation>Save the filing first, then add attachments</translation>
    </message>
    <message>
        <source>日期“{text}”应写成 YYYY-MM-DD。</source>
        <translation>Write the date “{text}” as YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>选择附件</source>
        <translation>Choose an attachment</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>无法打开“{location}”。</source>
        <translation>Cannot open “{location}”.</translation>
    </message>
</context>
<context>
    <name>FilingsTab</name>
    <message>
        <source>筛选：网站标识码、名称或原因（Ctrl+F）</source>
        <translation>Filter: site code, name or reason (Ctrl+F)</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>待办（按紧急程度）</source>
        <translation>To do (by urgency)</translation>
    </message>
    <message>
        <source>到期日历（90 天）</source>
        <translation>Calendar (90 days)</translation>
    </message>
    <message>
        <source>备案登记</source>
        <translation>Filing register</translation>
    </message>
    <message>
        <source>网站探测</source>
        <translation>Probes</translation>
    </message>
    <message>
        <source>探测记录</source>
        <translation>Probe history</translation>
    </message>
    <message>
        <source>{as_of} 起 90 天内到期 {n} 项（到期日相同按网站标识码排列）</source>
        <translation>{n} items fall due within 90 days from {as_of} (same day: by site code)</translation>
    </message>
    <message>
        <source>显示 {shown} / {total}&#x3000;｜&#x3000;{counts}</source>
        <translation>Showing {shown} / {total}  |  {counts}</translation>
    </message>
    <message>
        <source>探测所选网站</source>
        <translation>Probe selected sites</translation>
    </message>
    <message>
        <source>复制网站标识码</source>
        <translation>Copy site codes</translation>
    </message>
    <message>
        <source>安全备案待办</source>
        <translation>Security filing to-do</translation>
    </message>
    <message>
        <source>导出列表</source>
        <translation>Export list</translation>
    </message>
    <message>
        <source>导出到期日历</source>
        <translation>Export the calendar</translation>
    </message>
    <message>
        <source>安全备案到期日历</source>
        <translation>Security filing calendar</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>全部层级</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>保存筛选…</source>
        <translation>Save filter…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>已保存的筛选</source>
        <translation>Saved filters</translation>
    </message>
    <message>
        <source>保存筛选</source>
        <translation>Save filter</translation>
    </message>
    <message>
        <source>筛选名称：</source>
        <translation>Filter name:</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>首次运行 — 建立管理员</source>
        <translation>First run — create administrators</translation>
    </message>
    <message>
        <source>建立</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>这是一个新的站群数据库。按三员分立的要求，请为系统管理员、安全管理员和审计管理员分别建立账号（三人不同）。密码至少 {n} 位，包含大写字母、小写字母、数字、符号中的三类。在 PostgreSQL 或 MariaDB 上，每人还需要一个只持有其职责角色的数据库登录，建立账号后会列出所需的 SQL。</source>
        <translation>This is a new cluster database. The separation of the three administrator duties requires separate accounts for the system, security and audit administrators (three different people). Passwords need at least {n} characters from three of: upper-case letters, lower-case letters, digits, symbols. On PostgreSQL or MariaDB each person also needs a database login holding only their duty&apos;s role; the SQL needed is listed once the accounts are created.</translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <source>安全管理员</source>
        <translation>Security administrator</translation>
    </message>
    <message>
        <source>审计管理员</source>
        <translation>Audit administrator</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>{title}（{user}）</source>
        <translation>{title} ({user})</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>{who}：{problem}</source>
        <translation>{who}: {problem}</translation>
    </message>
    <message>
        <source>用户名 {u} 已用于另一位管理员。</source>
        <translation>The user name {u} is already used for another administrator.</translation>
    </message>
    <message>
        <source>请填写姓名。</source>
        <translation>Please enter the name.</translation>
    </message>
    <message>
        <source>密码不符合要求：{reason}</source>
        <translation>The password does not meet the policy: {reason}</translation>
    </message>
    <message>
        <source>{who} 的姓名都是“{name}”</source>
        <translation>{who} all have the name &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>{lines}。

按三员分立的要求，三位管理员应由不同的人担任。仍要建立这些账号吗？</source>
        <translation>{lines}.

Separation of duties asks for three different people as the three administrators. Create these accounts anyway?</translation>
    </message>
    <message>
        <source>姓名相同</source>
        <translation>Same name</translation>
    </message>
    <message>
        <source>仍然建立</source>
        <translation>Create anyway</translation>
    </message>
    <message>
        <source>返回修改</source>
        <translation>Back to correct</translation>
    </message>
    <message>
        <source>请为每位管理员填写本人的姓名。</source>
        <translation>Please enter each administrator&apos;s own name.</translation>
    </message>
</context>
<context>
    <name>GridPage</name>
    <message>
        <source>网站(&amp;W)</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <source>栏目</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>在此授予(&amp;G)</source>
        <translation>&amp;Grant here</translation>
    </message>
    <message>
        <source>撤销本级授权(&amp;R)</source>
        <translation>&amp;Revoke grant here</translation>
    </message>
    <message>
        <source>● 本级授权&#x3000;↑ 继承自整站或上级栏目&#x3000;✕ 已过期（不再生效）；双击单元格在此授予。</source>
        <translation>● granted here   ↑ inherited from the site or a parent column   ✕ expired (no longer in effect); double-click a cell to grant here.</translation>
    </message>
    <message>
        <source>（已下线）</source>
        <translation> (retired)</translation>
    </message>
    <message>
        <source>整站：{name}</source>
        <translation>Whole site: {name}</translation>
    </message>
    <message>
        <source>整站</source>
        <translation>whole site</translation>
    </message>
    <message>
        <source>{site} › {node}：{n} 个账号</source>
        <translation>{site} › {node}: {n} accounts</translation>
    </message>
    <message>
        <source>账号 {u} 不存在。</source>
        <translation>Account {u} does not exist.</translation>
    </message>
    <message>
        <source>已授予 {u}“{role}”。</source>
        <translation>Granted {role} to {u}.</translation>
    </message>
    <message>
        <source>请选择一个角色单元格。</source>
        <translation>Select a role cell.</translation>
    </message>
    <message>
        <source>此处没有本级授权；继承的授权请到其来源处撤销。</source>
        <translation>Nothing is granted at this level; revoke inherited grants where they come from.</translation>
    </message>
    <message>
        <source>撤销 {u} 在 {scope} 的“{role}”授权？</source>
        <translation>Revoke {u}&apos;s {role} grant on {scope}?</translation>
    </message>
    <message>
        <source>撤销授权</source>
        <translation>Revoke grant</translation>
    </message>
    <message>
        <source>已撤销授权 #{id}。</source>
        <translation>Grant #{id} revoked.</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>移交授权：{username}</source>
        <translation>Hand over grants: {username}</translation>
    </message>
    <message>
        <source>接手人的账号</source>
        <translation>Account of the successor</translation>
    </message>
    <message>
        <source>移交给(&amp;T)</source>
        <translation>Hand over &amp;to</translation>
    </message>
</context>
<context>
    <name>HeadlineGrid</name>
    <message>
        <source>最早待审：{when}</source>
        <translation>Oldest awaiting review: {when}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>导入站点：{name}</source>
        <translation>Import sites: {name}</translation>
    </message>
    <message>
        <source>正在检查每一行…</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>网站标识码</source>
        <translation>Site code</translation>
    </message>
    <message>
        <source>网站名称</source>
        <translation>Site name</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>全部导入</source>
        <translation>Import all</translation>
    </message>
    <message>
        <source>可导入</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>共 {total} 行，其中 {bad} 行有问题。请修改文件后重新导入；导入是全部或全不。</source>
        <translation>{total} rows, {bad} with problems. Correct the file and import again; an import takes all rows or none.</translation>
    </message>
    <message>
        <source>共 {total} 行，全部可以导入。</source>
        <translation>{total} rows, all ready to import.</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>批量导入编辑账号</source>
        <translation>Import editor accounts</translation>
    </message>
    <message>
        <source>CSV 或 XLSX，首行为列名：账号、姓名、单位、网站标识码、手机、邮箱</source>
        <translation>CSV or XLSX; first row holds the headings: 账号, 姓名, 单位, 网站标识码, 手机, 邮箱</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>检查(&amp;C)</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>导入全部</source>
        <translation>Import all</translation>
    </message>
    <message>
        <source>选择导入文件</source>
        <translation>Choose the import file</translation>
    </message>
    <message>
        <source>表格 (*.csv *.xlsx)</source>
        <translation>Spreadsheets (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>正在读取并检查…</source>
        <translation>Reading and checking…</translation>
    </message>
    <message>
        <source>读取导入文件超时（{s} 秒）。</source>
        <translation>Reading the import file timed out ({s} s).</translation>
    </message>
    <message>
        <source>共 {n} 行，{bad} 行有问题（红色）：修正文件后重新检查。</source>
        <translation>{n} rows, {bad} with problems (in red): fix the file and check again.</translation>
    </message>
    <message>
        <source>共 {n} 行，全部可以导入。</source>
        <translation>{n} rows, all ready to import.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>导入词库：{file}</source>
        <translation>Import lexicon: {file}</translation>
    </message>
    <message>
        <source>新增 {new} 条，变更 {changed} 条，不变 {same} 条，无法匹配 {bad} 条。</source>
        <translation>{new} new, {changed} changed, {same} unchanged, {bad} unmatchable.</translation>
    </message>
    <message>
        <source>新增：{term}（{category}，{severity}）</source>
        <translation>New: {term} ({category}, {severity})</translation>
    </message>
    <message>
        <source>变更：{term}（{old} → {new}）</source>
        <translation>Changed: {term} ({old} → {new})</translation>
    </message>
    <message>
        <source>无法匹配（只含空白、标点或符号）：{term}</source>
        <translation>Unmatchable (only spaces, punctuation or symbols): {term}</translation>
    </message>
    <message>
        <source>……另有 {n} 行</source>
        <translation>… {n} more lines</translation>
    </message>
    <message>
        <source>更新已有词条的类别、严重程度和说明(&amp;U)</source>
        <translation>&amp;Update the category, severity and note of existing terms</translation>
    </message>
    <message>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>操作员用户名</source>
        <translation>Operator user name</translation>
    </message>
    <message>
        <source>以“.”结尾表示前缀，如 grant. 为全部授权操作</source>
        <translation>Ending in “.” means a prefix, e.g. grant. for every grant action</translation>
    </message>
    <message>
        <source>对象包含</source>
        <translation>Target contains</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>按站群时区的日期筛选</source>
        <translation>Filter by dates in the cluster&apos;s time zone</translation>
    </message>
    <message>
        <source>筛选(&amp;L)</source>
        <translation>Fi&amp;lter</translation>
    </message>
    <message>
        <source>校验日志链(&amp;V)</source>
        <translation>&amp;Verify chain</translation>
    </message>
    <message>
        <source>记录锚点(&amp;A)</source>
        <translation>Record &amp;anchor</translation>
    </message>
    <message>
        <source>把当前链头（序号、哈希、时间）追加到库外的锚点文件：{path}</source>
        <translation>Append the chain&apos;s head (sequence, hash, time) to the anchors file kept outside the database: {path}</translation>
    </message>
    <message>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>选择一条日志，查看变更前后的内容和哈希。</source>
        <translation>Select an entry to see what it changed and its hashes.</translation>
    </message>
    <message>
        <source>已记录锚点：第 {seq} 条，哈希 {hash} → {path}</source>
        <translation>Anchor recorded: entry {seq}, hash {hash} → {path}</translation>
    </message>
    <message>
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>日志链完整：共 {n} 条，链头哈希 {hash}（请在库外记下以备核对）。</source>
        <translation>Chain intact: {n} entries, head hash {hash} (note it outside the database for later checks).</translation>
    </message>
    <message>
        <source>日志链已被破坏：共 {n} 条，发现 {k} 处问题：
{problems}</source>
        <translation>Chain broken: {n} entries, {k} problems found:
{problems}</translation>
    </message>
</context>
<context>
    <name>LexiconDialog</name>
    <message>
        <source>词库与白名单</source>
        <translation>Lexicon and whitelist</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>新增词条…</source>
        <translation>New term…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>启用</source>
        <comment>动作</comment>
        <translation>Enable</translation>
    </message>
    <message>
        <source>停用</source>
        <comment>动作</comment>
        <translation>Disable</translation>
    </message>
    <message>
        <source>导入词库…</source>
        <translation>Import lexicon…</translation>
    </message>
    <message>
        <source>新增短语…</source>
        <translation>New phrase…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>导入白名单…</source>
        <translation>Import whitelist…</translation>
    </message>
    <message>
        <source>词库</source>
        <translation>Lexicon</translation>
    </message>
    <message>
        <source>白名单</source>
        <translation>Whitelist</translation>
    </message>
    <message>
        <source>状态(&amp;S)：</source>
        <translation>&amp;State:</translation>
    </message>
    <message>
        <source>新增词条</source>
        <translation>New term</translation>
    </message>
    <message>
        <source>已新增词条“{term}”。</source>
        <translation>Added term “{term}”.</translation>
    </message>
    <message>
        <source>编辑词条</source>
        <translation>Edit term</translation>
    </message>
    <message>
        <source>已保存词条“{term}”。</source>
        <translation>Saved term “{term}”.</translation>
    </message>
    <message>
        <source>已启用 {n} 条。</source>
        <translation>Enabled {n} terms.</translation>
    </message>
    <message>
        <source>已停用 {n} 条。</source>
        <translation>Disabled {n} terms.</translation>
    </message>
    <message>
        <source>导入词库</source>
        <translation>Import lexicon</translation>
    </message>
    <message>
        <source>词库文件 (*.csv *.txt)</source>
        <translation>Lexicon files (*.csv *.txt)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>纯文本词表：每个词条的类别和严重程度</source>
        <translation>Plain term list: category and severity of every term</translation>
    </message>
    <message>
        <source>（按文件逐行）</source>
        <translation>(one per line of the file)</translation>
    </message>
    <message>
        <source>已导入：新增 {added} 条，更新 {updated} 条。</source>
        <translation>Imported: {added} added, {updated} updated.</translation>
    </message>
    <message>
        <source>新增白名单短语</source>
        <translation>New whitelist phrase</translation>
    </message>
    <message>
        <source>短语(&amp;P)：</source>
        <translation>&amp;Phrase:</translation>
    </message>
    <message>
        <source>说明(&amp;N)：</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>已加入白名单：“{phrase}”。</source>
        <translation>Whitelisted “{phrase}”.</translation>
    </message>
    <message>
        <source>已从白名单删除 {n} 条。</source>
        <translation>Removed {n} phrases from the whitelist.</translation>
    </message>
    <message>
        <source>导入白名单</source>
        <translation>Import whitelist</translation>
    </message>
    <message>
        <source>文本文件 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>已加入白名单 {n} 条。</source>
        <translation>Added {n} phrases to the whitelist.</translation>
    </message>
</context>
<context>
    <name>ListPane</name>
    <message>
        <source>快速筛选：{fields}（Ctrl+F）</source>
        <translation>Quick filter: {fields} (Ctrl+F)</translation>
    </message>
    <message>
        <source>快速筛选</source>
        <translation>Quick filter</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>从数据库重新读取（{key}）</source>
        <translation>Read again from the database ({key})</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>把当前筛选结果导出为 CSV 或 XLSX</source>
        <translation>Export the current filtered list as CSV or XLSX</translation>
    </message>
    <message>
        <source>显示 {shown} / {total}</source>
        <translation>Showing {shown} / {total}</translation>
    </message>
    <message>
        <source>导出列表</source>
        <translation>Export list</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export complete</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 — 站群运维控制台</source>
        <translation>Log in — Cluster Console</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>用户名(&amp;U)</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>演示站群：用户名 sysadmin、secadmin、auditor、reviewer1…8，密码均为 demo。</source>
        <translation>Demo cluster: usernames sysadmin, secadmin, auditor, reviewer1…8; password for all: demo.</translation>
    </message>
    <message>
        <source>这是安全管理员重置的临时密码，须先设置新密码才能登录。</source>
        <translation>This is a temporary password set by the security administrator: set a new password to log in.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>站群运维控制台 — {where}</source>
        <translation>Cluster Console — {where}</translation>
    </message>
    <message>
        <source>已连接：{where}</source>
        <translation>Connected: {where}</translation>
    </message>
    <message>
        <source>操作员：{name}（{duties}）</source>
        <translation>Operator: {name} ({duties})</translation>
    </message>
    <message>
        <source>重试连接</source>
        <translation>Reconnect</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>切换数据库(&amp;O)…</source>
        <translation>&amp;Open another database…</translation>
    </message>
    <message>
        <source>修改密码(&amp;W)…</source>
        <translation>Change pass&amp;word…</translation>
    </message>
    <message>
        <source>切换操作员(&amp;U)…</source>
        <translation>Switch &amp;Operator…</translation>
    </message>
    <message>
        <source>注销(&amp;L)</source>
        <translation>&amp;Log Out</translation>
    </message>
    <message>
        <source>站群设置(&amp;T)…</source>
        <translation>Cluster se&amp;ttings…</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>刷新当前页(&amp;R)</source>
        <translation>&amp;Refresh current tab</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>自动刷新</source>
        <translation>Auto refresh</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>每 {m} 分钟</source>
        <translation>Every {m} min</translation>
    </message>
    <message>
        <source>时间按站群时区 {zone} 显示</source>
        <translation>Times shown in the cluster&apos;s time zone {zone}</translation>
    </message>
    <message>
        <source>⚠ 数据库不可用：{reason}。已显示的数据可能过时，请稍后重试。</source>
        <translation>⚠ Database unavailable: {reason}. The data shown may be out of date; please try again later.</translation>
    </message>
    <message>
        <source>尚未读取数据</source>
        <translation>No data loaded yet</translation>
    </message>
    <message>
        <source>数据读取于 {t}</source>
        <translation>Data loaded at {t}</translation>
    </message>
    <message>
        <source>数据读取于 {t}（{m} 分钟前）</source>
        <translation>Data loaded at {t} ({m} min ago)</translation>
    </message>
    <message>
        <source> · 每 {m} 分钟自动刷新</source>
        <translation> · auto refresh every {m} min</translation>
    </message>
</context>
<context>
    <name>MergeTargetField</name>
    <message>
        <source>整合到：输入标识码或名称搜索</source>
        <translation>Merge into: type a code or name to search</translation>
    </message>
</context>
<context>
    <name>NewSiteDialog</name>
    <message>
        <source>新建站点</source>
        <translation>New site</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>修改职责</source>
        <translation>Change duties</translation>
    </message>
    <message>
        <source>新建操作员</source>
        <translation>New operator</translation>
    </message>
    <message>
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>姓名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>初始密码(&amp;P)</source>
        <translation>Initial &amp;password</translation>
    </message>
    <message>
        <source>职责</source>
        <translation>Duties</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <source>新建操作员…</source>
        <translation>New operator…</translation>
    </message>
    <message>
        <source>修改职责…</source>
        <translation>Change duties…</translation>
    </message>
    <message>
        <source>停用</source>
        <comment>动作</comment>
        <translation>Disable</translation>
    </message>
    <message>
        <source>启用</source>
        <comment>动作</comment>
        <translation>Enable</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>数据库登录…</source>
        <translation>Database login…</translation>
    </message>
    <message>
        <source>请先选择一个操作员。</source>
        <translation>Select an operator first.</translation>
    </message>
    <message>
        <source>已新建操作员 {u}。</source>
        <translation>Operator {u} created.</translation>
    </message>
    <message>
        <source>已修改 {u} 的职责。</source>
        <translation>Duties of {u} changed.</translation>
    </message>
    <message>
        <source>停用操作员</source>
        <translation>Disable operator</translation>
    </message>
    <message>
        <source>停用操作员 {u}？</source>
        <translation>Disable operator {u}?</translation>
    </message>
    <message>
        <source>操作员 {u} 的状态已更新。</source>
        <translation>Status of operator {u} updated.</translation>
    </message>
    <message>
        <source>已解锁操作员 {u}。</source>
        <translation>Operator {u} unlocked.</translation>
    </message>
    <message>
        <source>重置 {u} 的密码</source>
        <translation>Reset the password of {u}</translation>
    </message>
    <message>
        <source>临时密码</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>已重置 {u} 的密码，下次登录须修改。</source>
        <translation>Password of {u} reset; it must be changed at the next login.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>修改密码 — {u}</source>
        <translation>Change password — {u}</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>原密码(&amp;O)</source>
        <translation>&amp;Old password</translation>
    </message>
    <message>
        <source>您使用的是临时密码，请设置新密码后继续。</source>
        <translation>You logged in with a temporary password. Set a new password to continue.</translation>
    </message>
    <message>
        <source>新密码(&amp;N)</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>再输入一次(&amp;A)</source>
        <translation>&amp;Again</translation>
    </message>
    <message>
        <source>至少 {n} 位，包含大写字母、小写字母、数字、符号中的三类。</source>
        <translation>At least {n} characters, from three of: upper-case letters, lower-case letters, digits, symbols.</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>PatrolPane</name>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>栏目</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>列表页地址</source>
        <translation>list-page address</translation>
    </message>
    <message>
        <source>最新日期</source>
        <translation>newest date</translation>
    </message>
    <message>
        <source>条目</source>
        <translation>items</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>链接</source>
        <translation>link</translation>
    </message>
    <message>
        <source>所在页面</source>
        <translation>on page</translation>
    </message>
    <message>
        <source>状态或证据</source>
        <translation>status or evidence</translation>
    </message>
    <message>
        <source>巡查</source>
        <translation>Patrol</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>设置地址…</source>
        <translation>Set address…</translation>
    </message>
    <message>
        <source>从首页查找地址…</source>
        <translation>Find addresses on the home page…</translation>
    </message>
    <message>
        <source>（无地址）</source>
        <translation>(no address)</translation>
    </message>
    <message>
        <source>尚未巡查。</source>
        <translation>Not patrolled yet.</translation>
    </message>
    <message>
        <source>最近巡查：{at}，页面 {pages}，新文章 {posts}，失效链接 {broken}，暗链 {hidden}。</source>
        <translation>Last patrol: {at}, {pages} pages, {posts} new articles, {broken} broken links, {hidden} hidden links.</translation>
    </message>
    <message>
        <source>（巡查被停止，未完成）</source>
        <translation>(the patrol was stopped before it finished)</translation>
    </message>
    <message>
        <source>正在巡查 {code}…</source>
        <translation>Patrolling {code}…</translation>
    </message>
    <message>
        <source>巡查已停止。</source>
        <translation>Patrol stopped.</translation>
    </message>
    <message>
        <source>巡查未完成：{error}</source>
        <translation>Patrol not completed: {error}</translation>
    </message>
    <message>
        <source>巡查完成，结果已保存。</source>
        <translation>Patrol finished; its results are stored.</translation>
    </message>
    <message>
        <source>巡查完成（只读：结果未保存）。</source>
        <translation>Patrol finished (read only: results not stored).</translation>
    </message>
    <message>
        <source>请先选择一个栏目。</source>
        <translation>Select a column first.</translation>
    </message>
    <message>
        <source>栏目列表页地址</source>
        <translation>Column list-page address</translation>
    </message>
    <message>
        <source>已保存栏目 {code} 的地址。</source>
        <translation>Saved the address of column {code}.</translation>
    </message>
    <message>
        <source>正在读取 {code} 的首页…</source>
        <translation>Reading the home page of {code}…</translation>
    </message>
    <message>
        <source>首页未能打开：{error}</source>
        <translation>The home page did not open: {error}</translation>
    </message>
    <message>
        <source>已写入 {n} 个栏目的地址。</source>
        <translation>Wrote the addresses of {n} columns.</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>预览(&amp;P)</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <source>共 {n} 项：执行 {apply}，跳过 {skip}，拒绝 {refuse}。</source>
        <translation>{n} items: {apply} to apply, {skip} skipped, {refuse} refused.</translation>
    </message>
    <message>
        <source>有被拒绝的项时不会执行任何一项。</source>
        <translation> While any item is refused, none is applied.</translation>
    </message>
</context>
<context>
    <name>PresetDetailsDialog</name>
    <message>
        <source>另存为新预设</source>
        <translation>Save as new preset</translation>
    </message>
    <message>
        <source>{name}（副本）</source>
        <translation>{name} (copy)</translation>
    </message>
    <message>
        <source>预设名称：</source>
        <translation>Preset name:</translation>
    </message>
    <message>
        <source>适用网站：</source>
        <translation>For sites:</translation>
    </message>
    <message>
        <source>说明：</source>
        <translation>Description:</translation>
    </message>
</context>
<context>
    <name>PresetEditor</name>
    <message>
        <source>请在左侧选择一个预设版本</source>
        <translation>Choose a preset version on the left</translation>
    </message>
    <message>
        <source>本次修改说明（保存时记入新版本）</source>
        <translation>What this change is for (stored with the new version)</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>添加栏目</source>
        <translation>Add column</translation>
    </message>
    <message>
        <source>添加子栏目</source>
        <translation>Add sub-column</translation>
    </message>
    <message>
        <source>删除栏目</source>
        <translation>Remove column</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>升一级</source>
        <translation>Up a level</translation>
    </message>
    <message>
        <source>降一级</source>
        <translation>Down a level</translation>
    </message>
    <message>
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>必设/可选</source>
        <translation>Required/optional</translation>
    </message>
    <message>
        <source>栏目类型</source>
        <translation>Column type</translation>
    </message>
    <message>
        <source>更新周期</source>
        <translation>Update rule</translation>
    </message>
    <message>
        <source>{name}&#x3000;第 {number} 版&#x3000;{count} 个栏目</source>
        <translation>{name}  version {number}  {count} columns</translation>
    </message>
    <message>
        <source>（不是最新版本：保存将以此为基础生成新版本）</source>
        <translation> (not the newest version: saving makes a new version from this one)</translation>
    </message>
    <message>
        <source>已保存为第 {number} 版。</source>
        <translation>Saved as version {number}.</translation>
    </message>
    <message>
        <source>已另存为新预设“{name}”。</source>
        <translation>Saved as the new preset “{name}”.</translation>
    </message>
    <message>
        <source>导出栏目预设</source>
        <translation>Export column preset</translation>
    </message>
    <message>
        <source>栏目预设 (*.json)</source>
        <translation>Column presets (*.json)</translation>
    </message>
    <message>
        <source>导出失败：{error}</source>
        <translation>Export failed: {error}</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>有未保存的修改（Ctrl+S 保存为新版本，Ctrl+Z 撤销）</source>
        <translation>Unsaved changes (Ctrl+S saves a new version, Ctrl+Z undoes)</translation>
    </message>
    <message>
        <source>新栏目</source>
        <translation>New column</translation>
    </message>
</context>
<context>
    <name>PresetsTab</name>
    <message>
        <source>导入 JSON…</source>
        <translation>Import JSON…</translation>
    </message>
    <message>
        <source>安装默认预设</source>
        <translation>Install default presets</translation>
    </message>
    <message>
        <source>应用到站点…</source>
        <translation>Apply to sites…</translation>
    </message>
    <message>
        <source>比较版本…</source>
        <translation>Compare versions…</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>当前栏目树有未保存的修改。放弃这些修改并打开所选版本吗？</source>
        <translation>The column tree has unsaved changes. Discard them and open the chosen version?</translation>
    </message>
    <message>
        <source>已保留未保存的修改：请先保存或撤销。</source>
        <translation>Unsaved changes kept: save or undo them first.</translation>
    </message>
    <message>
        <source>导入栏目预设</source>
        <translation>Import column preset</translation>
    </message>
    <message>
        <source>栏目预设 (*.json)</source>
        <translation>Column presets (*.json)</translation>
    </message>
    <message>
        <source>已导入 {file}。</source>
        <translation>Imported {file}.</translation>
    </message>
    <message>
        <source>已安装 {n} 个默认预设。</source>
        <translation>Installed {n} default presets.</translation>
    </message>
    <message>
        <source>请先在列表中选择一个预设版本。</source>
        <translation>Choose a preset version in the list first.</translation>
    </message>
    <message>
        <source>{name} 第 {number} 版</source>
        <translation>{name} version {number}</translation>
    </message>
    <message>
        <source>该预设只有一个版本，无可比较。</source>
        <translation>This preset has only one version: nothing to compare.</translation>
    </message>
</context>
<context>
    <name>ProposalsDialog</name>
    <message>
        <source>从首页导航查找栏目地址</source>
        <translation>Column addresses from the home page&apos;s navigation</translation>
    </message>
    <message>
        <source>首页 {home}：{found} 个栏目在导航中找到。勾选要写入登记的地址。</source>
        <translation>Home page {home}: {found} columns found in the navigation. Tick the addresses to write into the register.</translation>
    </message>
    <message>
        <source>栏目</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>导航中的地址</source>
        <translation>address in the navigation</translation>
    </message>
    <message>
        <source>匹配</source>
        <translation>match</translation>
    </message>
    <message>
        <source>登记的地址</source>
        <translation>registered address</translation>
    </message>
</context>
<context>
    <name>QueueBrowser</name>
    <message>
        <source>全部网站</source>
        <translation>All sites</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部严重度</source>
        <translation>All severities</translation>
    </message>
    <message>
        <source>中及以上</source>
        <translation>Medium and above</translation>
    </message>
    <message>
        <source>仅高</source>
        <translation>High only</translation>
    </message>
    <message>
        <source>不限等待时长</source>
        <translation>Any waiting time</translation>
    </message>
    <message>
        <source>等待超过 {n} 小时</source>
        <translation>Waiting over {n} h</translation>
    </message>
    <message>
        <source>等待超过 {n} 天</source>
        <translation>Waiting over {n} d</translation>
    </message>
    <message>
        <source>领取 {n} 条</source>
        <translation>Claim {n}</translation>
    </message>
    <message>
        <source>认领最早的待审条目（租约 10 分钟，自动续期）</source>
        <translation>Claim the oldest pending items (10-minute lease, renewed automatically)</translation>
    </message>
    <message>
        <source>释放认领</source>
        <translation>Release claims</translation>
    </message>
    <message>
        <source>把我的全部认领放回待审</source>
        <translation>Put all my claims back into the queue</translation>
    </message>
    <message>
        <source>待审</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>我的认领</source>
        <translation>My claims</translation>
    </message>
    <message>
        <source>已通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>已下线</source>
        <translation>Taken down</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>{name}及下级网站</source>
        <translation>{name} and the sites below it</translation>
    </message>
    <message>
        <source>{first} 至 {last} 决定</source>
        <translation>decided {first} to {last}</translation>
    </message>
    <message>
        <source>{first} 至 {last} 入队</source>
        <translation>queued {first} to {last}</translation>
    </message>
    <message>
        <source>待审或已认领</source>
        <translation>pending or claimed</translation>
    </message>
    <message>
        <source>在用网站（不含已整合、永久下线）</source>
        <translation>sites in use (not merged or retired)</translation>
    </message>
    <message>
        <source>仅{what}</source>
        <translation>Only {what}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>已领取 {n} 条</source>
        <translation>Claimed {n} items</translation>
    </message>
    <message>
        <source>已释放 {n} 条认领</source>
        <translation>Released {n} claims</translation>
    </message>
    <message>
        <source>认领续期失败：{error}。租约到期后，这些条目会回到待审，可能被其他审核员领取。</source>
        <translation>Could not renew your claims: {error}. When their lease runs out the items go back to pending, and another reviewer may take them.</translation>
    </message>
</context>
<context>
    <name>ReportGeneration</name>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>已生成 {sites} 个网站的年度报表（{files} 个文件）到 {out}</source>
        <translation>Wrote the annual reports of {sites} sites ({files} files) to {out}</translation>
    </message>
    <message>
        <source>；年度尚未结束，报表均为草稿</source>
        <translation>; the year is not over, every report is a draft</translation>
    </message>
    <message>
        <source>{code} {name} 缺少必填项：{items}</source>
        <translation>{code} {name} lacks required figures: {items}</translation>
    </message>
    <message>
        <source>……共 {n} 个网站缺少必填项</source>
        <translation>… {n} sites lack required figures in all</translation>
    </message>
</context>
<context>
    <name>RevokeAllDialog</name>
    <message>
        <source>撤销全部授权：{username}</source>
        <translation>Revoke all grants: {username}</translation>
    </message>
    <message>
        <source>输入账号 {username} 以确认</source>
        <translation>Type the account {username} to confirm</translation>
    </message>
    <message>
        <source>确认(&amp;C)</source>
        <translation>&amp;Confirm</translation>
    </message>
    <message>
        <source>同时停用该账号（人员离岗）</source>
        <translation>Also disable the account (the person is leaving)</translation>
    </message>
</context>
<context>
    <name>RiskPage</name>
    <message>
        <source>检查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <source>只看有风险的站点</source>
        <translation>Only sites at risk</translation>
    </message>
    <message>
        <source>全部规则</source>
        <translation>All rules</translation>
    </message>
    <message>
        <source>筛选：网站标识码或名称</source>
        <translation>Filter: site code or name</translation>
    </message>
    <message>
        <source>重新检查</source>
        <translation>Inspect again</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>把风险清单导出为 CSV 或 XLSX</source>
        <translation>Export the risk list as CSV or XLSX</translation>
    </message>
    <message>
        <source>选择一个站点，查看其栏目的更新情况和与预设的差异</source>
        <translation>Choose a site to see how its columns are kept up to date and how it differs from its preset</translation>
    </message>
    <message>
        <source>按所跟随的版本修正…</source>
        <translation>Bring in line with its version…</translation>
    </message>
    <message>
        <source>预览并把该站点所跟随的预设版本重新应用到它</source>
        <translation>Preview, then apply again, the preset version this site follows</translation>
    </message>
    <message>
        <source>栏目</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>最后更新</source>
        <translation>Last update</translation>
    </message>
    <message>
        <source>稿件数</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>检查日期：</source>
        <translation>Inspection date:</translation>
    </message>
    <message>
        <source>检查 {sites} 个运行中的站点，{risky} 个存在单项否决风险</source>
        <translation>{sites} running sites inspected, {risky} at risk of a single-veto failure</translation>
    </message>
    <message>
        <source>该站点没有跟随任何栏目预设。</source>
        <translation>This site follows no column preset.</translation>
    </message>
    <message>
        <source>空白</source>
        <translation>Blank</translation>
    </message>
    <message>
        <source>按站群时区 {zone} 的日期判断；所用阈值：{thresholds}</source>
        <translation>Dates judged in the cluster&apos;s time zone {zone}; thresholds applied: {thresholds}</translation>
    </message>
    <message>
        <source>超期（{days} 天未更新）</source>
        <translation>Overdue ({days} days without update)</translation>
    </message>
    <message>
        <source>父栏目</source>
        <translation>Parent column</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>（{names}）</source>
        <translation> ({names})</translation>
    </message>
    <message>
        <source>跟随“{preset}”第 {number} 版。缺少必设栏目 {missing} 个{missing_names}，缺少可选栏目 {optional} 个{optional_names}，名称或位置不同 {moved} 个{moved_names}，本地增设栏目 {extras} 个{extra_names}。</source>
        <translation>Follows “{preset}” version {number}. Missing required columns: {missing}{missing_names}; missing optional columns: {optional}{optional_names}; differing in name or place: {moved}{moved_names}; local extra columns: {extras}{extra_names}.</translation>
    </message>
    <message>
        <source>检查风险</source>
        <translation>Inspection risk</translation>
    </message>
    <message>
        <source>导出风险清单</source>
        <translation>Export the risk list</translation>
    </message>
</context>
<context>
    <name>ScanControls</name>
    <message>
        <source>筛查新稿件</source>
        <translation>Screen new posts</translation>
    </message>
    <message>
        <source>筛查新增和修改过的稿件，有问题的进入待审</source>
        <translation>Screen new and changed posts; those with findings join the pending queue</translation>
    </message>
    <message>
        <source>全部重新筛查…</source>
        <translation>Re-screen all…</translation>
    </message>
    <message>
        <source>词库变更后，按新词库重新筛查全部稿件</source>
        <translation>After a lexicon change, screen every post again with the new lexicon</translation>
    </message>
    <message>
        <source>词库管理…</source>
        <translation>Lexicon…</translation>
    </message>
    <message>
        <source>词库已更新，筛查器已在后台重建；已入队的条目不变，需要时请“全部重新筛查”。</source>
        <translation>Lexicon updated; the screener was rebuilt in the background. Queued items are unchanged: use “Re-screen all” when needed.</translation>
    </message>
    <message>
        <source>全部重新筛查</source>
        <translation>Re-screen all</translation>
    </message>
    <message>
        <source>按当前词库和白名单重新筛查全部稿件？已决定的同一内容不会再次入队；可随时取消。</source>
        <translation>Screen every post again with the current lexicon and whitelist? Content already decided is not queued again; you can cancel at any time.</translation>
    </message>
    <message>
        <source>正在筛查稿件…</source>
        <translation>Screening posts…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已筛查 {screened} 篇，新入队 {queued} 条，更新 {refreshed} 条，移出 {cleared} 条</source>
        <translation>Screened {screened} posts: {queued} queued, {refreshed} updated, {cleared} removed</translation>
    </message>
    <message>
        <source>已取消。</source>
        <translation>Cancelled. </translation>
    </message>
</context>
<context>
    <name>ScopeBox</name>
    <message>
        <source>仅{name}及下级网站</source>
        <translation>Only {name} and the sites below it</translation>
    </message>
</context>
<context>
    <name>SiteDetailPane</name>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>同时迁移稿件</source>
        <translation>Move the posts too</translation>
    </message>
    <message>
        <source>转换状态</source>
        <translation>Change state</translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>域名</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>主域名</source>
        <translation>Main domain</translation>
    </message>
    <message>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>属性</source>
        <translation>Properties</translation>
    </message>
    <message>
        <source>栏目</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>权限</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <source>备案</source>
        <translation>Filings</translation>
    </message>
    <message>
        <source>巡查</source>
        <translation>Patrol</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>年度报表…</source>
        <translation>Annual report…</translation>
    </message>
    <message>
        <source>检查风险（单项否决）：{risks}</source>
        <translation>Inspection risk (single veto): {risks}</translation>
    </message>
    <message>
        <source>{state}（并入 {target}）</source>
        <translation>{state} (merged into {target})</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>对“{name}”的修改尚未保存。放弃这些修改吗？</source>
        <translation>The changes to “{name}” are not saved. Discard them?</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>他人已修改此网站</source>
        <translation>Someone else changed this site</translation>
    </message>
    <message>
        <source>覆盖为我的修改</source>
        <translation>Overwrite with my changes</translation>
    </message>
    <message>
        <source>放弃我的修改并重新载入</source>
        <translation>Discard my changes and reload</translation>
    </message>
    <message>
        <source>暂不处理</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>确认状态转换</source>
        <translation>Confirm state change</translation>
    </message>
    <message>
        <source>将“{name}”转为“{state}”？此操作不可撤销。</source>
        <translation>Move “{name}” to “{state}”? This cannot be undone.</translation>
    </message>
    <message>
        <source>转为“{state}”</source>
        <translation>To “{state}”</translation>
    </message>
    <message>
        <source>已转为“{state}”。</source>
        <translation>Now “{state}”.</translation>
    </message>
</context>
<context>
    <name>SiteForm</name>
    <message>
        <source>10 位数字，或 bm 加 8 位数字</source>
        <translation>10 digits, or bm plus 8 digits</translation>
    </message>
    <message>
        <source>上级网站的标识码；省级、市级门户可留空</source>
        <translation>The parent site’s code; may be empty for province and city portals</translation>
    </message>
    <message>
        <source>每行一个域名，第一行是主域名</source>
        <translation>One domain a line; the first line is the main domain</translation>
    </message>
    <message>
        <source>每月通报发往此邮箱</source>
        <translation>The monthly report is sent to this address</translation>
    </message>
    <message>
        <source>网站标识码(&amp;C)</source>
        <translation>Site &amp;code</translation>
    </message>
    <message>
        <source>网站名称(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>类型(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>上级网站标识码(&amp;P)</source>
        <translation>&amp;Parent site code</translation>
    </message>
    <message>
        <source>主办单位(&amp;O)</source>
        <translation>&amp;Organiser</translation>
    </message>
    <message>
        <source>统一社会信用代码(&amp;U)</source>
        <translation>&amp;Unified social credit code</translation>
    </message>
    <message>
        <source>主办单位性质(&amp;T)</source>
        <translation>Organiser &amp;type</translation>
    </message>
    <message>
        <source>域名(&amp;D)</source>
        <translation>&amp;Domains</translation>
    </message>
    <message>
        <source>开通日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>联络员</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联络员电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>联络员邮箱</source>
        <translation>Contact email</translation>
    </message>
    <message>
        <source>备案号</source>
        <translation>Filing numbers</translation>
    </message>
    <message>
        <source>ICP：{icp}；公安：{psb}（在“安全备案”页维护）</source>
        <translation>ICP: {icp}; public security: {psb} (kept on the Security filings tab)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>SiteTreeModel</name>
    <message>
        <source>全部站点</source>
        <translation>All sites</translation>
    </message>
    <message>
        <source>站群</source>
        <translation>Cluster</translation>
    </message>
</context>
<context>
    <name>SitesTab</name>
    <message>
        <source>新建站点</source>
        <translation>New site</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>批量变更状态</source>
        <translation>Bulk state change</translation>
    </message>
    <message>
        <source>批量修改…</source>
        <translation>Bulk edit…</translation>
    </message>
    <message>
        <source>保存当前筛选…</source>
        <translation>Save current filter…</translation>
    </message>
    <message>
        <source>导出当前列表…</source>
        <translation>Export current list…</translation>
    </message>
    <message>
        <source>批量转为“{state}”</source>
        <translation>Change to “{state}” in bulk</translation>
    </message>
    <message>
        <source>批量整合迁移</source>
        <translation>Bulk merge</translation>
    </message>
    <message>
        <source>整合到的网站标识码（稿件一并迁入）：</source>
        <translation>Code of the site to merge into (posts move with them):</translation>
    </message>
    <message>
        <source>批量修改“{field}”</source>
        <translation>Bulk edit “{field}”</translation>
    </message>
    <message>
        <source>已修改 {ready} 个网站，跳过 {skipped} 个。</source>
        <translation>Changed {ready} sites, skipped {skipped}.</translation>
    </message>
    <message>
        <source>……另有 {n} 个</source>
        <translation>… and {n} more</translation>
    </message>
</context>
<context>
    <name>SupervisionTab</name>
    <message>
        <source>单位排名（得分由低到高）</source>
        <translation>Unit ranking (lowest score first)</translation>
    </message>
    <message>
        <source>定时任务</source>
        <translation>Scheduled jobs</translation>
    </message>
    <message>
        <source>全部站群</source>
        <translation>Whole cluster</translation>
    </message>
    <message>
        <source>近 {n} 天</source>
        <translation>Last {n} days</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>生成月报</source>
        <translation>Write monthly report</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>{scope}：截至 {as_of}，{n} 个运行网站；{late} 个定时任务逾期或失败。</source>
        <translation>{scope}: as of {as_of}, {n} running sites; {late} scheduled jobs late or failing.</translation>
    </message>
    <message>
        <source>正在生成 {month} 月报…</source>
        <translation>Writing the {month} report…</translation>
    </message>
    <message>
        <source>已生成：{pdf}（{n} 个问题）</source>
        <translation>Written: {pdf} ({n} problems)</translation>
    </message>
</context>
<context>
    <name>SweepPanel</name>
    <message>
        <source>探测全部运行中网站</source>
        <translation>Probe all running sites</translation>
    </message>
    <message>
        <source>探测所选网站</source>
        <translation>Probe selected sites</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>探测结果要存入历史，只有系统管理员可以发起探测</source>
        <translation>Probe results are stored as history; only the system administrator may start a sweep</translation>
    </message>
    <message>
        <source>定时探测：关闭</source>
        <translation>Scheduled sweeps: off</translation>
    </message>
    <message>
        <source>定时探测：每 {n} 分钟</source>
        <translation>Scheduled sweeps: every {n} minutes</translation>
    </message>
    <message>
        <source>正在停止：等待进行中的探测结束…</source>
        <translation>Stopping: waiting for running probes to finish…</translation>
    </message>
    <message>
        <source>正在探测 {n} 个网站…</source>
        <translation>Probing {n} sites…</translation>
    </message>
    <message>
        <source>探测 {n} / {total} 个网站，{failed} 个不可访问；结果暂未存入历史（{error}），数据库恢复后自动保存。</source>
        <translation>Probed {n} / {total} sites, {failed} unreachable; the results are not in the history yet ({error}) and will be stored when the database is back.</translation>
    </message>
    <message>
        <source>探测 {n} / {total} 个网站，{failed} 个不可访问，已存入历史 {stored} 条。</source>
        <translation>Probed {n} / {total} sites, {failed} unreachable; {stored} results stored.</translation>
    </message>
    <message>
        <source>数据库已恢复：补存探测记录 {n} 条。</source>
        <translation>The database is back: stored {n} kept probe results.</translation>
    </message>
    <message>
        <source>已停止：</source>
        <translation>Stopped: </translation>
    </message>
</context>
<context>
    <name>TermEditor</name>
    <message>
        <source>词条(&amp;T)：</source>
        <translation>&amp;Term:</translation>
    </message>
    <message>
        <source>类别(&amp;C)：</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>严重程度(&amp;S)：</source>
        <translation>&amp;Severity:</translation>
    </message>
    <message>
        <source>说明(&amp;N)：</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>TrendCharts</name>
    <message>
        <source>可用率（%）</source>
        <translation>Availability (%)</translation>
    </message>
    <message>
        <source>待审稿件</source>
        <translation>Posts awaiting review</translation>
    </message>
    <message>
        <source>更新稿件</source>
        <translation>Posts published</translation>
    </message>
    <message>
        <source>风险网站</source>
        <translation>Sites at risk</translation>
    </message>
    <message>
        <source>暂无数据</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请稍候…</source>
        <translation>Please wait…</translation>
    </message>
</context>
</TS>
