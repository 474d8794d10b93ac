-- Neovim (0.7+) as a real LSP client of bin/hcpcs-language-server --stdio: diagnostics, hover and
-- completion on the e2e fixtures. Every wait is bounded; every check runs under pcall; the last
-- line is "N passed, N failed" and nvim exits with cquit! on any failure, so nothing hangs.
-- Env: E2E_SERVER (path of bin/hcpcs-language-server), E2E_WORKSPACE (copy of the fixture
-- workspace), HCPCS_RELEASE / HCPCS_ASP (optional: passed as initializationOptions).
local server = assert(vim.env.E2E_SERVER, 'E2E_SERVER not set')
local workspace = assert(vim.env.E2E_WORKSPACE, 'E2E_WORKSPACE not set')
local function out(s) io.stdout:write(s .. '\n') end

local passed, failed = 0, 0
local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then passed = passed + 1; out('ok - ' .. name)
  else failed = failed + 1; out('not ok - ' .. name .. ': ' .. tostring(err)) end
end

-- diagnostics by URI, as the server last published them
local published = {}
local release = nil -- the server's 'hcpcs/release' notification: { label, kind }
local handlers = {
  ['hcpcs/release'] = function(_, result) release = result end,
  ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    published[result.uri] = result.diagnostics
    return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
  end,
}

local function open(name)
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/' .. name))
  return vim.api.nvim_get_current_buf()
end

-- 0-based line and UTF-16 character of the first occurrence of needle (fixtures are ASCII)
local function find(bufnr, needle)
  for i, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = text:find(needle, 1, true)
    if col then return i - 1, col - 1 end
  end
  error('fixture has no ' .. needle)
end

local function line_of(d) return d.range.start.line end
local function describe(diags)
  local parts = {}
  for _, d in ipairs(diags or {}) do table.insert(parts, string.format('%d:[%s] %s', line_of(d), tostring(d.code), d.message)) end
  return '{' .. table.concat(parts, '; ') .. '}'
end
local function has_rule(diags, rule, line)
  for _, d in ipairs(diags or {}) do
    if d.code == rule and line_of(d) == line then return true end
  end
  return false
end

local init_options = vim.empty_dict()
if vim.env.HCPCS_RELEASE and vim.env.HCPCS_RELEASE ~= '' then
  init_options = { releasePath = vim.env.HCPCS_RELEASE, aspPath = vim.env.HCPCS_ASP }
end

local claim = open('claim.837')
vim.bo[claim].filetype = 'x12'
local client_id = vim.lsp.start_client({ -- vim.lsp.start() only exists from 0.8
  name = 'hcpcs', cmd = { 'node', server, '--stdio' }, root_dir = workspace,
  handlers = handlers, init_options = init_options,
})
assert(client_id, 'the language server did not start')
vim.lsp.buf_attach_client(claim, client_id)
local client = vim.lsp.get_client_by_id(client_id)
local claim_uri = vim.uri_from_bufnr(claim)
local jz_line = find(claim, 'HC:J9035')
local term_line = find(claim, 'HC:J7401')

check('diagnostics: missing JZ on the J9035 line and the terminated J7401', function()
  local ok = vim.wait(30000, function()
    if client.is_stopped() then return true end -- a dead server: fail now, not after 30 s
    local d = published[claim_uri]
    return has_rule(d, 'missing-jw-jz', jz_line) and has_rule(d, 'code-not-effective', term_line)
  end, 50)
  assert(not client.is_stopped(), 'the language server exited')
  assert(ok, 'expected missing-jw-jz on line ' .. jz_line .. ' and code-not-effective on line ' .. term_line
    .. ', got ' .. describe(published[claim_uri]))
  for _, d in ipairs(published[claim_uri]) do
    if line_of(d) == jz_line and d.code == 'missing-jw-jz' then assert(d.source == 'hcpcs', 'source ' .. tostring(d.source)) end
  end
  assert(#vim.diagnostic.get(claim) >= 2, 'nvim diagnostics API sees ' .. #vim.diagnostic.get(claim))
end)

check('no diagnostic on the clean J7507 line', function()
  local line = find(claim, 'HC:J7507')
  assert(published[claim_uri] and #published[claim_uri] > 0, 'no diagnostics were published for the claim at all')
  for _, d in ipairs(published[claim_uri]) do
    assert(line_of(d) ~= line or d.severity > 2, 'unexpected ' .. describe({ d }))
  end
end)

check('hover on J7507: descriptor, billing unit and release', function()
  local line, col = find(claim, 'J7507')
  local resp = client.request_sync('textDocument/hover',
    { textDocument = { uri = claim_uri }, position = { line = line, character = col + 2 } }, 10000, claim)
  assert(resp and resp.result, 'no hover: ' .. vim.inspect(resp))
  local c = resp.result.contents
  local text = type(c) == 'string' and c or (c.value or table.concat(vim.tbl_map(function(x)
    return type(x) == 'string' and x or x.value end, c), '\n'))
  assert(text:find('Tacrolimus, immediate release, oral, 1 mg', 1, true), 'descriptor missing in ' .. text)
  assert(text:find('Billing unit:** 1 unit = 1 mg', 1, true), 'unit missing in ' .. text)
  assert(vim.wait(10000, function() return release ~= nil end, 50), 'the server never announced its release')
  assert(text:find(release.label, 1, true), 'release "' .. release.label .. '" missing in ' .. text)
end)

check('completion after HC: for "tacro" offers J7507', function()
  local buf = open('completion.837')
  vim.bo[buf].filetype = 'x12'
  vim.lsp.buf_attach_client(buf, client_id)
  local line, col = find(buf, 'HC:tacro')
  local resp = client.request_sync('textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = line, character = col + #'HC:tacro' },
  }, 10000, buf)
  assert(resp and resp.result, 'no completion: ' .. vim.inspect(resp))
  local items = resp.result.items or resp.result
  local labels = {}
  for _, item in ipairs(items) do
    table.insert(labels, item.label)
    if item.label == 'J7507' or (item.textEdit and item.textEdit.newText or item.insertText or ''):find('J7507', 1, true) then
      return
    end
  end
  error('J7507 not offered; got ' .. table.concat(labels, ', '))
end)

client.stop()
out(string.format('%d passed, %d failed', passed, failed))
vim.cmd(failed == 0 and 'qall!' or 'cquit!')
