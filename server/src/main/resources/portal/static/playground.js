// The chat playground (portal/playground.jte): streams answers token by token, and shows the
// request it sends as curl, Python, JavaScript and Java. Loaded only by the playground page.
(() => {
  "use strict";
  const form = document.getElementById("playground");
  if (!form) {
    return;
  }
  const $ = (id) => document.getElementById(id);
  const history = [];
  let busy = false;

  // ---- the request ----------------------------------------------------------------------------

  function number(id, integer) {
    const raw = $(id).value.trim();
    if (raw === "") {
      return undefined;
    }
    const value = integer ? parseInt(raw, 10) : parseFloat(raw);
    return Number.isNaN(value) ? undefined : value;
  }

  /** The conversation and parameters, as the chat completions body carries them. */
  function conversation(pending) {
    const messages = [];
    const system = $("system").value.trim();
    if (system) {
      messages.push({ role: "system", content: system });
    }
    history.forEach((m) => messages.push(m));
    if (pending) {
      messages.push({ role: "user", content: pending });
    }
    const body = { messages };
    const params = [["temperature", false], ["max_tokens", true], ["top_p", false]];
    params.forEach(([id, integer]) => {
      const v = number(id, integer);
      if (v !== undefined) {
        body[id] = v;
      }
    });
    const stop = $("stop").value.split(",").map((s) => s.trim()).filter((s) => s).slice(0, 4);
    if (stop.length) {
      body.stop = stop;
    }
    return body;
  }

  /** The tool definitions, parsed; throws with a message the page shows. */
  function tools() {
    const text = $("tools").value.trim();
    if (!text) {
      return undefined;
    }
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new Error("The tool definitions are not valid JSON: " + e.message);
    }
    if (!Array.isArray(parsed)) {
      throw new Error("The tool definitions must be a JSON array of {\"type\": \"function\", ...}.");
    }
    return parsed;
  }

  function chosenIndex() {
    const option = $("index").selectedOptions[0];
    return option && option.value ? option : undefined;
  }

  /** On Your Data over the chosen index, as the server builds it. */
  function dataSources() {
    const option = chosenIndex();
    if (!option) {
      return undefined;
    }
    const at = option.value.indexOf("/");
    const queryType = $("query_type").value;
    const parameters = {
      endpoint: "https://" + option.value.substring(0, at) + ".search.windows.net",
      index_name: option.value.substring(at + 1),
      query_type: queryType,
      authentication: { type: "system_assigned_managed_identity" },
    };
    if (queryType.includes("semantic") && option.dataset.semantic) {
      parameters.semantic_configuration = option.dataset.semantic;
    }
    return [{ type: "azure_search", parameters }];
  }

  /** The whole body as the data plane receives it. */
  function fullBody(pending) {
    const body = conversation(pending);
    let defined;
    try {
      defined = tools();
    } catch (e) {
      defined = undefined;
    }
    if (defined) {
      body.tools = defined;
    }
    const data = dataSources();
    if (data) {
      body.data_sources = data;
    }
    body.stream = true;
    return body;
  }

  function syncQueryTypes() {
    const option = chosenIndex();
    const select = $("query_type");
    select.disabled = !option;
    const allowed = option ? option.dataset.queryTypes.split(" ") : [];
    let firstAllowed = null;
    Array.from(select.options).forEach((o) => {
      o.disabled = !allowed.includes(o.value);
      o.hidden = o.disabled;
      if (!o.disabled && firstAllowed === null) {
        firstAllowed = o.value;
      }
    });
    if (option && !allowed.includes(select.value) && firstAllowed !== null) {
      select.value = firstAllowed;
    }
  }

  // ---- the transcript -------------------------------------------------------------------------

  function entry(role, text) {
    const li = document.createElement("li");
    li.className = "turn " + role;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = role === "user" ? "You" : "Assistant";
    const content = document.createElement("div");
    content.className = "content";
    content.textContent = text;
    li.append(who, content);
    $("transcript").append(li);
    return li;
  }

  function status(text, streaming) {
    const s = $("status");
    s.textContent = text;
    s.classList.toggle("streaming", !!streaming);
    s.dataset.streaming = streaming ? "true" : "false";
  }

  function addNote(li, cls, text) {
    const p = document.createElement("p");
    p.className = cls;
    p.textContent = text;
    li.append(p);
    return p;
  }

  function showCitations(li, citations) {
    if (!citations || !citations.length) {
      return;
    }
    const h = document.createElement("h3");
    h.textContent = "Citations";
    const ol = document.createElement("ol");
    ol.className = "citations";
    citations.forEach((c, i) => {
      const item = document.createElement("li");
      const title = document.createElement("strong");
      title.textContent = c.title || c.filepath || c.url || "[doc" + (i + 1) + "]";
      item.append(title);
      if (c.content) {
        const excerpt = document.createElement("p");
        excerpt.textContent = c.content.length > 300 ? c.content.slice(0, 300) + "…" : c.content;
        item.append(excerpt);
      }
      ol.append(item);
    });
    li.append(h, ol);
  }

  function showToolCalls(li, calls) {
    const list = Object.values(calls);
    if (!list.length) {
      return;
    }
    const h = document.createElement("h3");
    h.textContent = "Tool calls";
    const ul = document.createElement("ul");
    ul.className = "tool-calls";
    list.forEach((c) => {
      const item = document.createElement("li");
      const code = document.createElement("code");
      code.textContent = c.name + "(" + c.arguments + ")";
      item.append(code);
      ul.append(item);
    });
    li.append(h, ul);
  }

  // ---- streaming ------------------------------------------------------------------------------

  async function errorMessage(response) {
    const type = response.headers.get("Content-Type") || "";
    const text = await response.text();
    if (type.includes("json")) {
      try {
        const error = JSON.parse(text).error || {};
        return error.message || text;
      } catch (e) {
        return text;
      }
    }
    const page = new DOMParser().parseFromString(text, "text/html");
    const alert = page.querySelector(".error");
    return alert ? alert.textContent : "The request failed (" + response.status + ").";
  }

  async function send(prompt) {
    let definedTools;
    try {
      definedTools = tools();
      $("tools-error").textContent = "";
    } catch (e) {
      $("tools-error").textContent = e.message;
      $("tools").focus();
      return;
    }
    const body = conversation(prompt);
    const fields = new URLSearchParams();
    fields.set("_csrf", form.elements["_csrf"].value);
    fields.set("deployment", $("deployment").value);
    fields.set("request", JSON.stringify(body));
    fields.set("tools", definedTools ? $("tools").value : "");
    const index = chosenIndex();
    if (index) {
      fields.set("index", index.value);
      fields.set("query_type", $("query_type").value);
    }
    entry("user", prompt);
    const answer = entry("assistant", "");
    answer.id = "answer-" + $("transcript").children.length;
    const content = answer.querySelector(".content");
    content.classList.add("answer");
    busy = true;
    $("send").disabled = true;
    status("Streaming the answer…", true);
    let text = "";
    const calls = {};
    let citations = null;
    let finish = null;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: fields,
      });
      if (!response.ok || !(response.headers.get("Content-Type") || "").includes("event-stream")) {
        const message = await errorMessage(response);
        answer.classList.add("refused");
        addNote(answer, "error", message).setAttribute("role", "alert");
        status("Refused (" + response.status + ").", false);
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = frame.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
          if (!data || data === "[DONE]") {
            continue;
          }
          const chunk = JSON.parse(data);
          if (chunk.error) {
            answer.classList.add("refused");
            addNote(answer, "error", chunk.error.message || "The answer failed.").setAttribute("role", "alert");
            continue;
          }
          (chunk.choices || []).forEach((choice) => {
            const delta = choice.delta || {};
            if (delta.content) {
              text += delta.content;
              content.textContent = text;
            }
            if (delta.context && delta.context.citations) {
              citations = delta.context.citations;
            }
            (delta.tool_calls || []).forEach((call) => {
              const slot = calls[call.index] || (calls[call.index] = { name: "", arguments: "" });
              if (call.function && call.function.name) {
                slot.name += call.function.name;
              }
              if (call.function && call.function.arguments) {
                slot.arguments += call.function.arguments;
              }
            });
            if (choice.finish_reason) {
              finish = choice.finish_reason;
            }
          });
        }
      }
      showToolCalls(answer, calls);
      showCitations(answer, citations);
      if (finish === "content_filter") {
        addNote(answer, "error", "The rest of the answer was filtered by the content filter.");
      }
      history.push({ role: "user", content: prompt });
      history.push({ role: "assistant", content: text });
      status("Done" + (finish ? " (" + finish + ")" : "") + ".", false);
    } catch (e) {
      addNote(answer, "error", "The answer stopped: " + e.message).setAttribute("role", "alert");
      status("Failed.", false);
    } finally {
      busy = false;
      $("send").disabled = false;
      answer.dataset.done = "true";
      renderCode();
    }
  }

  // ---- view code ------------------------------------------------------------------------------

  function py(value, indent) {
    const pad = "    ".repeat(indent + 1);
    const end = "    ".repeat(indent);
    if (value === null) {
      return "None";
    }
    if (value === true) {
      return "True";
    }
    if (value === false) {
      return "False";
    }
    if (Array.isArray(value)) {
      if (!value.length) {
        return "[]";
      }
      return "[\n" + value.map((v) => pad + py(v, indent + 1)).join(",\n") + ",\n" + end + "]";
    }
    if (typeof value === "object") {
      const keys = Object.keys(value);
      if (!keys.length) {
        return "{}";
      }
      return "{\n" + keys.map((k) => pad + JSON.stringify(k) + ": " + py(value[k], indent + 1)).join(",\n") + ",\n" + end + "}";
    }
    return JSON.stringify(value);
  }

  function renderCode() {
    const endpoint = form.dataset.endpoint.replace(/\/+$/, "");
    const version = form.dataset.apiVersion;
    const deployment = $("deployment").value || "<deployment>";
    const pending = $("prompt").value.trim() || "Hello!";
    const body = fullBody(pending);
    const json = JSON.stringify(body, null, 2);

    $("code-curl").textContent =
      'curl "' + endpoint + "/openai/deployments/" + deployment + "/chat/completions?api-version=" + version + '" \\\n' +
      '  -H "Content-Type: application/json" \\\n' +
      '  -H "api-key: $AZURE_OPENAI_API_KEY" \\\n' +
      "  -d '" + json.replace(/'/g, "'\\''") + "'";

    const pyArgs = Object.keys(body)
      .filter((k) => k !== "data_sources")
      .map((k) => "    " + k + "=" + py(body[k], 1) + ",");
    if (body.data_sources) {
      pyArgs.push("    extra_body={\"data_sources\": " + py(body.data_sources, 1) + "},");
    }
    $("code-python").textContent =
      "import os\nfrom openai import AzureOpenAI\n\n" +
      "client = AzureOpenAI(\n" +
      '    azure_endpoint="' + endpoint + '",\n' +
      '    api_key=os.environ["AZURE_OPENAI_API_KEY"],\n' +
      '    api_version="' + version + '",\n)\n\n' +
      "stream = client.chat.completions.create(\n" +
      '    model="' + deployment + '",\n' + pyArgs.join("\n") + "\n)\n" +
      "for chunk in stream:\n" +
      "    if chunk.choices and chunk.choices[0].delta.content:\n" +
      '        print(chunk.choices[0].delta.content, end="", flush=True)\n';

    const jsBody = Object.assign({ model: deployment }, body);
    $("code-js").textContent =
      'import { AzureOpenAI } from "openai";\n\n' +
      "const client = new AzureOpenAI({\n" +
      '  endpoint: "' + endpoint + '",\n' +
      "  apiKey: process.env.AZURE_OPENAI_API_KEY,\n" +
      '  apiVersion: "' + version + '",\n' +
      '  deployment: "' + deployment + '",\n});\n\n' +
      "const stream = await client.chat.completions.create(" + JSON.stringify(jsBody, null, 2) + ");\n" +
      "for await (const chunk of stream) {\n" +
      '  process.stdout.write(chunk.choices[0]?.delta?.content ?? "");\n}\n';

    const javaString = (s) => JSON.stringify(s);
    const lines = [];
    body.messages.forEach((m) => {
      const method = { system: "addSystemMessage", user: "addUserMessage", assistant: "addAssistantMessage" }[m.role];
      if (method) {
        lines.push("        ." + method + "(" + javaString(m.content) + ")");
      }
    });
    if (body.temperature !== undefined) {
      lines.push("        .temperature(" + body.temperature + ")");
    }
    if (body.max_tokens !== undefined) {
      lines.push("        .maxTokens(" + body.max_tokens + "L)");
    }
    if (body.top_p !== undefined) {
      lines.push("        .topP(" + body.top_p + ")");
    }
    if (body.stop) {
      lines.push("        .stopOfStrings(List.of(" + body.stop.map(javaString).join(", ") + "))");
    }
    ["tools", "data_sources"].forEach((k) => {
      if (body[k]) {
        lines.push(
          '        .putAdditionalBodyProperty("' + k + '", json("""\n' +
            JSON.stringify(body[k], null, 2).replace(/\\/g, "\\\\") + '\n            """))');
      }
    });
    $("code-java").textContent =
      "import com.fasterxml.jackson.databind.ObjectMapper;\n" +
      "import com.openai.azure.AzureOpenAIServiceVersion;\n" +
      "import com.openai.azure.AzureUrlPathMode;\n" +
      "import com.openai.azure.credential.AzureApiKeyCredential;\n" +
      "import com.openai.client.OpenAIClient;\n" +
      "import com.openai.client.okhttp.OpenAIOkHttpClient;\n" +
      "import com.openai.core.JsonValue;\n" +
      "import com.openai.models.chat.completions.ChatCompletionCreateParams;\n" +
      "import java.util.List;\n\n" +
      "OpenAIClient client = OpenAIOkHttpClient.builder()\n" +
      '    .baseUrl("' + endpoint + '")\n' +
      '    .credential(AzureApiKeyCredential.create(System.getenv("AZURE_OPENAI_API_KEY")))\n' +
      '    .azureServiceVersion(AzureOpenAIServiceVersion.fromString("' + version + '"))\n' +
      "    .azureUrlPathMode(AzureUrlPathMode.LEGACY)\n" +
      "    .build();\n\n" +
      "ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()\n" +
      '        .model("' + deployment + '")\n' + lines.join("\n") + (lines.length ? "\n" : "") +
      "        .build();\n\n" +
      "try (var stream = client.chat().completions().createStreaming(params)) {\n" +
      "  stream.stream()\n" +
      "      .flatMap(chunk -> chunk.choices().stream())\n" +
      "      .flatMap(choice -> choice.delta().content().stream())\n" +
      "      .forEach(System.out::print);\n}\n\n" +
      "// Parses a JSON literal into a value the request body carries as is.\n" +
      "static JsonValue json(String text) {\n" +
      "  try {\n" +
      "    return JsonValue.from(new ObjectMapper().readValue(text, Object.class));\n" +
      "  } catch (Exception e) {\n" +
      "    throw new IllegalArgumentException(e);\n" +
      "  }\n}\n";
  }

  // ---- events ---------------------------------------------------------------------------------

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const prompt = $("prompt").value.trim();
    if (busy || !prompt) {
      return;
    }
    $("prompt").value = "";
    send(prompt);
  });
  $("prompt").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  $("clear").addEventListener("click", () => {
    history.length = 0;
    $("transcript").replaceChildren();
    status("", false);
    renderCode();
  });
  $("index").addEventListener("change", () => {
    syncQueryTypes();
    renderCode();
  });
  form.addEventListener("input", renderCode);
  form.addEventListener("change", renderCode);
  syncQueryTypes();
  renderCode();
})();
