-- Neovim (0.7+) as a real LSP client of bin/hcpcs-language-server --stdio: diagnostics, hover,
-- completion, formatting and look-up on the e2e fixtures. Every wait is bounded; every check runs under pcall; the last
-- line is "N passed, N failed" and nvim exits with cquit! on any failure, so nothing hangs.
-- The server is started by the README's recipe (E2E_README), as a user's init.lua would.
-- Env: E2E_README, E2E_WORKSPACE (copy of the fixture workspace), HCPCS_RELEASE / HCPCS_ASP
-- (optional: the recipe passes them as initializationOptions), PATH with bin/.
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

-- The README's Neovim recipe, run exactly as written (run.sh puts bin/ on PATH for its
-- 'hcpcs-language-server' and passes HCPCS_RELEASE / HCPCS_ASP through the environment).
local readme = assert(vim.env.E2E_README, 'E2E_README not set')
local text = table.concat(vim.fn.readfile(readme), '\n')
local recipe = text:match('<!%-%- neovim%-recipe:start %-%->%s*```lua\n(.-)```%s*<!%-%- neovim%-recipe:end %-%->')
assert(recipe, 'the README has no Neovim recipe between its markers')
-- the recipe sets no handlers: the test listens through the global handler table
vim.lsp.handlers['hcpcs/release'] = handlers['hcpcs/release']
vim.lsp.handlers['textDocument/publishDiagnostics'] = handlers['textDocument/publishDiagnostics']
assert(loadstring(recipe, 'README recipe'))()

local claim = open('claim.837')
check('the recipe gives .837 the x12 filetype (Neovim 0.7 has no vim.filetype.add)', function()
  assert(vim.bo[claim].filetype == 'x12', 'filetype ' .. vim.bo[claim].filetype)
end)
-- the client lists a buffer once the server has initialized
vim.wait(30000, function() return next(vim.lsp.buf_get_clients(claim)) ~= nil end, 50)
local client_id = next(vim.lsp.buf_get_clients(claim))
assert(client_id, 'the recipe attached no language server to claim.837')
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
  -- the card names the release in force on the line's date (the notification names the newest loaded)
  assert(text:find('_Source: HCPCS Level II', 1, true), 'release missing in ' .. text)
end)

check("the J7507 card in Neovim's Markdown renderer: no escapes shown raw, short", function()
  local line, col = find(claim, 'J7507')
  local resp = client.request_sync('textDocument/hover',
    { textDocument = { uri = claim_uri }, position = { line = line, character = col + 2 } }, 10000, claim)
  assert(resp and resp.result, 'no hover')
  local lines = vim.lsp.util.convert_input_to_markdown_lines(resp.result.contents)
  lines = vim.lsp.util.trim_empty_lines(lines)
  local buf = vim.api.nvim_create_buf(false, true)
  local shown = vim.lsp.util.stylize_markdown(buf, lines, {})
  for _, l in ipairs(shown) do
    assert(not l:find('\\[*<>_#|{}]'), 'a Markdown escape shown raw: ' .. l)
  end
  assert(#shown <= 32, 'the card is ' .. #shown .. ' lines in Neovim')
end)

check('completion after HC: for "tacro" offers J7507', function()
  local buf = open('completion.837')
  assert(vim.lsp.buf_get_clients(buf)[client_id], 'the second buffer shares the first one\'s server')
  assert(#vim.tbl_keys(vim.lsp.get_active_clients()) == 1, 'one server for all buffers')
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

check('formatting: a one-line claim becomes one segment per line, nothing else changes', function()
  local buf = open('one-line.837')
  assert(vim.lsp.buf_get_clients(buf)[client_id], 'attached')
  local before = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  local resp = client.request_sync('textDocument/formatting',
    { textDocument = { uri = vim.uri_from_bufnr(buf) }, options = { tabSize = 2, insertSpaces = true } }, 10000, buf)
  assert(resp and resp.result and #resp.result > 0, 'no formatting edits: ' .. vim.inspect(resp))
  vim.lsp.util.apply_text_edits(resp.result, buf, 'utf-16')
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  assert(#lines > 30, 'lines after formatting: ' .. #lines)
  assert(table.concat(lines, '') == before, 'only line breaks were added')
end)

check('hcpcs/lookup: tacrolimus finds J7507', function()
  local resp = client.request_sync('hcpcs/lookup', { query = 'tacrolimus' }, 10000, claim)
  assert(resp and resp.result, 'no answer: ' .. vim.inspect(resp))
  for _, item in ipairs(resp.result.items) do if item.code == 'J7507' then return end end
  error('J7507 not found: ' .. vim.inspect(resp.result))
end)

client.stop()
out(string.format('%d passed, %d failed', passed, failed))
vim.cmd(failed == 0 and 'qall!' or 'cquit!')
