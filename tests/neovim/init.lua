-- A minimal Neovim setup for tests/neovim.rs: factlint as the language server of Markdown
-- buffers. On start-up it waits (bounded) for factlint's diagnostics on the opened file,
-- writes them to $FACTLINT_OUT ("line<TAB>code<TAB>severity<TAB>message", 1-based lines),
-- applies the quick fix offered for the first unused-suppression finding, writes what is
-- left, and quits. Works with Neovim 0.7 (Debian 12) and later.

local bin = assert(vim.env.FACTLINT_BIN, "FACTLINT_BIN is not set")
local out = assert(vim.env.FACTLINT_OUT, "FACTLINT_OUT is not set")
local timeout_ms = tonumber(vim.env.FACTLINT_TIMEOUT_MS or "15000")
local lines = {}

local function log(line)
  table.insert(lines, line)
end

local function finish(status)
  log("STATUS\t" .. status)
  vim.fn.writefile(lines, out)
  vim.cmd("qall!")
end

vim.cmd("filetype on")
vim.api.nvim_create_autocmd("FileType", {
  pattern = "markdown",
  callback = function(args)
    local id = vim.lsp.start_client({
      name = "factlint",
      cmd = { bin, "lsp" },
      root_dir = vim.fn.getcwd(),
    })
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})

local function severity_name(severity)
  return ({ "error", "warning", "info", "hint" })[severity] or tostring(severity)
end

local function record(buf, heading)
  log(heading)
  local found = vim.diagnostic.get(buf)
  table.sort(found, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  for _, d in ipairs(found) do
    local message = d.message:gsub("\n", " ")
    log(string.format("%d\t%s\t%s\t%s", d.lnum + 1, tostring(d.code), severity_name(d.severity), message))
  end
  return found
end

local function has_code(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then
      return true
    end
  end
  return false
end

vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    local buf = vim.api.nvim_get_current_buf()
    if not vim.wait(timeout_ms, function() return has_code(buf, "unused-suppression") end, 50) then
      record(buf, "DIAGNOSTICS")
      return finish("timeout waiting for diagnostics")
    end
    local found = record(buf, "DIAGNOSTICS")

    -- The quick fix for the first stale suppression, through the client's own code paths.
    local target
    for _, d in ipairs(found) do
      if d.code == "unused-suppression" then
        target = d
        break
      end
    end
    local client = vim.lsp.get_active_clients()[1]
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = {
        start = { line = target.lnum, character = target.col },
        ["end"] = { line = target.end_lnum, character = target.end_col },
      },
      context = { diagnostics = {} },
    }
    local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, timeout_ms)
    local applied = false
    for _, response in pairs(responses or {}) do
      if response.error then
        log("ERROR\t" .. vim.inspect(response.error))
      end
      for _, action in ipairs(response.result or {}) do
        log("ACTION\t" .. action.title)
        if not applied and action.isPreferred then
          vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
          applied = true
        end
      end
    end
    if not applied then
      return finish("no preferred quick fix offered")
    end
    local line = target.lnum
    if not vim.wait(timeout_ms, function()
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        if d.code == "unused-suppression" and d.lnum == line then
          return false
        end
      end
      return true
    end, 50) then
      record(buf, "AFTER FIX")
      return finish("timeout waiting for diagnostics after the fix")
    end
    record(buf, "AFTER FIX")
    finish("ok")
  end,
})
