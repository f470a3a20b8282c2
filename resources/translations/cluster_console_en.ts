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
        <source>{url}：结构版本 {before} → {after}</source>
        <translation>{url}: schema version {before} → {after}</translation>
    </message>
    <message>
        <source>{url}：当前结构版本 {current}，最新 {head}</source>
        <translation>{url}: schema version {current}, latest {head}</translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password: </translation>
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
        <source>磁盘空间不足，无法写入：{detail}</source>
        <translation>Not enough disk space to write: {detail}</translation>
    </message>
    <message>
        <source>不支持的导出格式：{suffix}（可用 .csv 或 .xlsx）</source>
        <translation>Unsupported export format: {suffix} (use .csv or .xlsx)</translation>
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
        <source>栏目预设文件 {file}：{where} 的 max_idle_days 应为正整数或 null。</source>
        <translation>Column preset file {file}: max_idle_days at {where} must be a positive integer or null.</translation>
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
        <source>状态</source>
        <translation>Status</translation>
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
        <source>内容审核</source>
        <translation>Content audit</translation>
    </message>
    <message>
        <source>优先级</source>
        <translation>Priority</translation>
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
        <source>问题数</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>发布时间</source>
        <translation>Published</translation>
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
        <source>{label} 已被 {who} 于 {when}（UTC）修改（{action}），您看到的是第 {seen} 版，当前是第 {now} 版。请刷新查看对方的修改后再决定是否覆盖。</source>
        <translation>{label} was changed by {who} at {when} (UTC) ({action}). You are looking at version {seen}; the current version is {now}. Refresh to see their change before deciding whether to overwrite it.</translation>
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
        <translation>PSB filing no.</translation>
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
        <source>日志头记录缺失：数据库未经迁移或已被篡改。</source>
        <translation>The journal head record is missing: the database has not been migrated, or it has been tampered with.</translation>
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
        <source>时间（UTC）</source>
        <translation>Time (UTC)</translation>
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
        <source>连续登录失败过多，账号已锁定至 {until}（UTC）。</source>
        <translation>Too many failed logins in a row; the account is locked until {until} (UTC).</translation>
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
        <source>说明</source>
        <translation>Description</translation>
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
        <source>上级网站</source>
        <translation>Parent site</translation>
    </message>
    <message>
        <source>主办单位</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>主域名</source>
        <translation>Main domain</translation>
    </message>
    <message>
        <source>首页更新</source>
        <translation>Home page updated</translation>
    </message>
    <message>
        <source>用户权限</source>
        <translation>User permissions</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
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
        <source>这是一个新的站群数据库。按三员分立的要求，请为系统管理员、安全管理员和审计管理员分别建立账号（三人不同）。密码至少 {n} 位，包含大写字母、小写字母、数字、符号中的三类。</source>
        <translation>This is a new cluster database. The separation of the three administrator duties requires separate accounts for the system, security and audit administrators (three different people). Passwords need at least {n} characters from three of: upper-case letters, lower-case letters, digits, symbols.</translation>
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
        <source>{who}的两次密码不一致。</source>
        <translation>{who}: the two passwords do not match.</translation>
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
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>导出失败：{error}</source>
        <translation>Export failed: {error}</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>已导出 {n} 行到 {path}</source>
        <translation>Exported {n} rows to {path}</translation>
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
        <source>界面语言将在下次启动时切换。</source>
        <translation>The new language takes effect the next time Cluster Console starts.</translation>
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
<context>
    <name>app</name>
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
        <source>正在生成演示站群…</source>
        <translation>Generating demo cluster…</translation>
    </message>
    <message>
        <source>演示站群</source>
        <translation>Demo cluster</translation>
    </message>
</context>
<context>
    <name>crash</name>
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
</context>
</TS>
