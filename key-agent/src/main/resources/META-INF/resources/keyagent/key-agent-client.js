/*
 * key-agent-client.js: the portal pages' client of the CA key agent (KEY控件), the desktop program
 * that reaches the USB key through PKCS#11 and answers on http://127.0.0.1 (API v1).
 * No dependencies; ES5 plus Promise and fetch (every browser the portal supports).
 *
 *   var client = new KeyAgentClient({ downloadUrl: '/portal/download.xhtml' });
 *   client.probe().then(function (probe) { ... probe.state: 'not-running' | 'too-old' | 'ready' });
 *   client.login({ serial: token.serial }, pin).then(function () { return client.listCertificates(); });
 *
 *   KeyAgentClient.mountCertificatePicker(element, client, { onSelect: function (certificate) {} });
 *   renders 识别KEY: agent state, token choice, PIN, the key's certificates to pick one from.
 */
(function (global) {
  'use strict';

  var SESSION_HEADER = 'X-Key-Agent-Session';

  var DEFAULTS = {
    /** The agent's documented port and its fallbacks, tried in this order. */
    ports: [17643, 17644, 17645],
    /** The oldest agent this portal works with, and the API version it speaks. */
    minAgentVersion: '1.0.0',
    apiVersion: 2,
    /** The portal's download page (控件下载) for the "not running" and "too old" states. */
    downloadUrl: null,
    probeTimeoutMs: 2000,
    requestTimeoutMs: 120000
  };

  var MESSAGES = {
    notRunning: '未检测到KEY控件，请下载并启动KEY控件',
    tooOld: 'KEY控件版本过低，请下载并安装新版KEY控件',
    download: '下载KEY控件',
    retry: '重新检测',
    probing: '正在检测KEY控件…',
    noToken: '未检测到USB KEY，请插入KEY后点击“重新检测”',
    pinPrompt: '请选择KEY并输入PIN码',
    pinRequired: '请输入PIN码',
    read: '读取证书',
    reading: '正在读取KEY中的证书…',
    pinIncorrect: 'PIN码错误，请重新输入',
    pinCountLow: 'PIN码错误，剩余尝试次数不多，请谨慎输入',
    pinTriesLeft: 'PIN码错误，还可尝试{n}次',
    pinLocked: 'KEY的PIN码已锁定，请联系管理员解锁',
    soPinIncorrect: 'KEY的管理员PIN码错误',
    soPinTriesLeft: 'KEY的管理员PIN码错误，还可尝试{n}次',
    soPinLocked: 'KEY的管理员PIN码已锁定',
    pinAlreadyInitialised: '该KEY已设置用户PIN码',
    userPinInvalid: '新的用户PIN码不符合该KEY的要求',
    sessionEnded: 'KEY登录已超时，请重新输入PIN码',
    tokenGone: '未找到该KEY，请确认KEY已插好',
    algorithmUnsupported: '该KEY不支持所选的密钥算法',
    certificateNotFound: 'KEY中没有该证书及其私钥，请插入证书所在的KEY',
    keyNotFound: 'KEY中没有该证书对应的密钥，请插入制证时使用的KEY',
    certificateMismatch: '证书与KEY中生成的密钥不匹配',
    failed: 'KEY操作失败，请重试',
    noCertificates: 'KEY中没有证书',
    listed: '请选择证书',
    token: 'KEY',
    pin: 'PIN码',
    subject: '证书主题',
    issuer: '颁发者',
    serialNumber: '序列号',
    validity: '有效期',
    keyAlgorithm: '密钥算法'
  };

  function KeyAgentError(code, message, status, detail) {
    this.name = 'KeyAgentError';
    this.code = code;
    this.message = message;
    this.status = status;
    this.detail = detail || {};
  }
  KeyAgentError.prototype = Object.create(Error.prototype);
  KeyAgentError.prototype.constructor = KeyAgentError;

  function KeyAgentClient(options) {
    var settings = {};
    var key;
    for (key in DEFAULTS) {
      settings[key] = DEFAULTS[key];
    }
    for (key in options || {}) {
      if (options[key] !== undefined && options[key] !== null) {
        settings[key] = options[key];
      }
    }
    this.options = settings;
    this.baseUrl = null;
    this.session = null;
    this.status = null;
  }

  /** Compares dotted versions numerically; a qualifier such as -SNAPSHOT is ignored. */
  KeyAgentClient.compareVersions = function (a, b) {
    var left = String(a).split('-')[0].split('.');
    var right = String(b).split('-')[0].split('.');
    for (var i = 0; i < Math.max(left.length, right.length); i++) {
      var x = parseInt(left[i] || '0', 10) || 0;
      var y = parseInt(right[i] || '0', 10) || 0;
      if (x !== y) {
        return x < y ? -1 : 1;
      }
    }
    return 0;
  };

  /** The Chinese message for an agent error (see the API's error codes). */
  KeyAgentClient.messageFor = function (error) {
    var detail = (error && error.detail) || {};
    switch (error && error.code) {
      case 'not_running':
        return MESSAGES.notRunning;
      case 'pin_incorrect':
        if (typeof detail.triesLeft === 'number') {
          return MESSAGES.pinTriesLeft.replace('{n}', detail.triesLeft);
        }
        return detail.pin && detail.pin.countLow ? MESSAGES.pinCountLow : MESSAGES.pinIncorrect;
      case 'pin_locked':
        return MESSAGES.pinLocked;
      case 'so_pin_incorrect':
        if (typeof detail.triesLeft === 'number') {
          return MESSAGES.soPinTriesLeft.replace('{n}', detail.triesLeft);
        }
        return MESSAGES.soPinIncorrect;
      case 'so_pin_locked':
        return MESSAGES.soPinLocked;
      case 'pin_already_initialised':
        return MESSAGES.pinAlreadyInitialised;
      case 'user_pin_invalid':
        return MESSAGES.userPinInvalid;
      case 'session_unknown':
        return MESSAGES.sessionEnded;
      case 'token_not_found':
        return MESSAGES.tokenGone;
      case 'algorithm_unsupported':
        return MESSAGES.algorithmUnsupported;
      case 'certificate_not_found':
        return MESSAGES.certificateNotFound;
      case 'key_not_found':
        return MESSAGES.keyNotFound;
      case 'certificate_mismatch':
        return MESSAGES.certificateMismatch;
      default:
        return MESSAGES.failed;
    }
  };

  KeyAgentClient.MESSAGES = MESSAGES;
  KeyAgentClient.Error = KeyAgentError;

  function withTimeout(url, init, timeoutMs) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, timeoutMs) : null;
    if (controller) {
      init.signal = controller.signal;
    }
    return fetch(url, init).then(
      function (response) {
        clearTimeout(timer);
        return response;
      },
      function (error) {
        clearTimeout(timer);
        throw error;
      }
    );
  }

  /**
   * Finds the agent on its ports. Resolves (never rejects) with
   * { state: 'not-running' | 'too-old' | 'ready', message, downloadUrl, status, baseUrl }.
   * A page whose origin the agent does not allow cannot read its answers: it sees "not running".
   */
  KeyAgentClient.prototype.probe = function () {
    var self = this;
    var ports = self.options.ports.slice();
    function next() {
      if (ports.length === 0) {
        self.baseUrl = null;
        self.status = null;
        return { state: 'not-running', message: MESSAGES.notRunning, downloadUrl: self.options.downloadUrl };
      }
      var baseUrl = 'http://127.0.0.1:' + ports.shift();
      return withTimeout(baseUrl + '/v1/status', { method: 'GET', mode: 'cors', cache: 'no-store', credentials: 'omit' },
        self.options.probeTimeoutMs)
        .then(function (response) {
          if (!response.ok) {
            throw new Error('status ' + response.status);
          }
          return response.json();
        })
        .then(function (status) {
          if (!status || typeof status.apiVersion !== 'number' || !status.agentVersion) {
            throw new Error('not the key agent');
          }
          self.baseUrl = baseUrl;
          self.status = status;
          var tooOld = status.apiVersion < self.options.apiVersion ||
            KeyAgentClient.compareVersions(status.agentVersion, self.options.minAgentVersion) < 0;
          return tooOld
            ? { state: 'too-old', message: MESSAGES.tooOld, downloadUrl: self.options.downloadUrl, status: status, baseUrl: baseUrl }
            : { state: 'ready', message: '', status: status, baseUrl: baseUrl };
        })
        .catch(function () {
          return next();
        });
    }
    return Promise.resolve().then(next);
  };

  KeyAgentClient.prototype.request = function (method, path, body) {
    var self = this;
    if (!self.baseUrl) {
      return Promise.reject(new KeyAgentError('not_running', MESSAGES.notRunning, 0));
    }
    var headers = {};
    if (self.session) {
      headers[SESSION_HEADER] = self.session;
    }
    var init = { method: method, mode: 'cors', cache: 'no-store', credentials: 'omit', headers: headers };
    if (method === 'POST') {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body || {});
    }
    return withTimeout(self.baseUrl + path, init, self.options.requestTimeoutMs).then(
      function (response) {
        if (response.status === 204) {
          return null;
        }
        return response.json().then(function (json) {
          if (response.ok) {
            return json;
          }
          if (json && json.error === 'session_unknown') {
            self.session = null;
          }
          var error = new KeyAgentError(json && json.error, '', response.status, json);
          error.message = KeyAgentClient.messageFor(error);
          throw error;
        });
      },
      function () {
        self.baseUrl = null;
        throw new KeyAgentError('not_running', MESSAGES.notRunning, 0);
      }
    );
  };

  /** The tokens (USB keys) present, from the last probe. */
  KeyAgentClient.prototype.tokens = function () {
    return (this.status && this.status.tokens) || [];
  };

  /** Logs in to a token ({ serial } or { label }) with the PIN; the PIN goes to the agent only. */
  KeyAgentClient.prototype.login = function (token, pin) {
    var self = this;
    return self.request('POST', '/v1/login', { serial: token.serial, label: token.label, pin: pin })
      .then(function (answer) {
        self.session = answer.session;
        return answer;
      });
  };

  KeyAgentClient.prototype.listCertificates = function () {
    return this.request('GET', '/v1/certificates').then(function (answer) {
      return answer.certificates;
    });
  };

  /**
   * Generates a key pair on the token; resolves with { keyId, algorithm, csr (base64 DER) }. The key
   * is kept on the token at once, waiting for its certificate, also when the page or the session
   * ends before the certificate is installed.
   */
  KeyAgentClient.prototype.generateKey = function (algorithm, subject) {
    return this.request('POST', '/v1/keys', { algorithm: algorithm, subject: subject });
  };

  /**
   * Installs the issued certificate (base64 DER) and its chain (base64 DER, issuer first) next to
   * its key: installCertificate(certificate, chain, { keyId, alias }), both options optional. Without
   * keyId the agent finds the key on the token by the certificate's public key, so a 制证 that was
   * interrupted can install the certificate later on the same key. Resolves with the stored
   * certificate, also when the key already held it (the agent then answers 200 instead of 201).
   * The form of API v1, installCertificate(keyId, certificate, chain), is still understood.
   */
  KeyAgentClient.prototype.installCertificate = function (certificate, chain, options) {
    if (typeof chain === 'string') {
      return this.installCertificate(chain, options, { keyId: certificate });
    }
    options = options || {};
    var body = { certificate: certificate, chain: chain || [] };
    if (options.keyId) {
      body.keyId = options.keyId;
    }
    if (options.alias) {
      body.alias = options.alias;
    }
    return this.request('POST', '/v1/certificates', body);
  };

  /**
   * Proof of possession: the agent signs, with the key of the certificate with this serial number
   * (hex), the text "CA-PORTAL-PROOF-V1\n" + this page's origin + "\n" + nonceBase64, where
   * nonceBase64 is the portal server's nonce (16 to 64 random bytes, standard base64). Resolves with
   * { algorithm, signature (base64), serialNumber, signedText }; the server rebuilds the text from
   * its own origin and nonce and verifies the signature.
   */
  KeyAgentClient.prototype.proveKey = function (serialNumber, nonceBase64) {
    return this.request('POST', '/v1/sign', { serialNumber: serialNumber, nonce: nonceBase64 });
  };

  /** No longer offered: the agent signs no bytes a page chooses (API v2). Use proveKey. */
  KeyAgentClient.prototype.sign = function () {
    var error = new KeyAgentError('raw_challenge_refused', '', 400);
    error.message = KeyAgentClient.messageFor(error);
    return Promise.reject(error);
  };

  /**
   * 制证 at the office: sets the user PIN of a token ({ serial } or { label }, e.g. one of tokens())
   * with its security officer's PIN, e.g. a PIN the portal's server made and sent to the applicant
   * by SMS; the page passes both PINs on without showing them. options.reinitialise: replace a user
   * PIN that is already set (a key being reused); without it such a token is refused with
   * pin_already_initialised. The agent's session on that token, if any, ends. Resolves with null.
   */
  KeyAgentClient.prototype.initUserPin = function (token, soPin, userPin, options) {
    return this.request('POST', '/v1/tokens/init-pin', {
      serial: token.serial,
      label: token.label,
      soPin: soPin,
      userPin: userPin,
      reinitialise: !!(options && options.reinitialise)
    });
  };

  KeyAgentClient.prototype.logout = function () {
    var self = this;
    if (!self.session) {
      return Promise.resolve();
    }
    return self.request('POST', '/v1/logout', {}).then(
      function () { self.session = null; },
      function () { self.session = null; }
    );
  };

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    for (var name in attributes || {}) {
      node.setAttribute(name, attributes[name]);
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function day(instant) {
    return String(instant).substring(0, 10);
  }

  /**
   * 识别KEY: renders into container the agent's state, the token choice and PIN input, then the
   * certificates on the key with a radio button each; options.onSelect(certificate) is called
   * with the chosen one. The container's data-state is one of probing, not-running, too-old,
   * no-token, ready, reading, listed, error.
   */
  KeyAgentClient.mountCertificatePicker = function (container, client, options) {
    options = options || {};
    container.textContent = '';
    container.classList.add('ka-picker');
    var message = element('p', { 'class': 'ka-message', role: 'status' });
    var actions = element('p', { 'class': 'ka-actions' });
    var form = element('form', { 'class': 'ka-login', hidden: 'hidden' });
    var tokenLabel = element('label', {}, MESSAGES.token + ' ');
    var tokenSelect = element('select', { 'class': 'ka-token', name: 'token' });
    tokenLabel.appendChild(tokenSelect);
    var pinLabel = element('label', {}, ' ' + MESSAGES.pin + ' ');
    var pinInput = element('input', { 'class': 'ka-pin', type: 'password', name: 'pin', autocomplete: 'off' });
    pinLabel.appendChild(pinInput);
    var readButton = element('button', { 'class': 'ka-read', type: 'submit' }, MESSAGES.read);
    form.appendChild(tokenLabel);
    form.appendChild(pinLabel);
    form.appendChild(readButton);
    var table = element('table', { 'class': 'ka-certificates', hidden: 'hidden' });
    container.appendChild(message);
    container.appendChild(actions);
    container.appendChild(form);
    container.appendChild(table);

    function show(state, text) {
      container.setAttribute('data-state', state);
      message.textContent = text || '';
    }

    function showActions(download) {
      actions.textContent = '';
      if (download && client.options.downloadUrl) {
        actions.appendChild(element('a', { 'class': 'ka-download', href: client.options.downloadUrl }, MESSAGES.download));
        actions.appendChild(document.createTextNode(' '));
      }
      var retry = element('button', { 'class': 'ka-retry', type: 'button' }, MESSAGES.retry);
      retry.addEventListener('click', probe);
      actions.appendChild(retry);
    }

    function probe() {
      show('probing', MESSAGES.probing);
      form.hidden = true;
      table.hidden = true;
      actions.textContent = '';
      return client.probe().then(function (result) {
        if (result.state !== 'ready') {
          show(result.state, result.message);
          showActions(true);
          return;
        }
        var tokens = client.tokens();
        if (tokens.length === 0) {
          show('no-token', MESSAGES.noToken);
          showActions(false);
          return;
        }
        tokenSelect.textContent = '';
        tokens.forEach(function (token, index) {
          tokenSelect.appendChild(element('option', { value: String(index) }, token.label + ' (' + token.serial + ')'));
        });
        form.hidden = false;
        show('ready', MESSAGES.pinPrompt);
        pinInput.focus();
      });
    }

    function render(certificates) {
      table.textContent = '';
      var head = element('tr');
      ['', MESSAGES.subject, MESSAGES.issuer, MESSAGES.serialNumber, MESSAGES.validity, MESSAGES.keyAlgorithm]
        .forEach(function (title) { head.appendChild(element('th', {}, title)); });
      table.appendChild(head);
      certificates.forEach(function (certificate, index) {
        var row = element('tr', { 'class': 'ka-certificate', 'data-serial': certificate.serialNumber });
        var choice = element('td');
        var radio = element('input', { type: 'radio', name: 'ka-certificate', value: String(index) });
        radio.addEventListener('change', function () {
          if (options.onSelect) {
            options.onSelect(certificate);
          }
        });
        choice.appendChild(radio);
        row.appendChild(choice);
        row.appendChild(element('td', { 'class': 'ka-subject' }, certificate.subject));
        row.appendChild(element('td', {}, certificate.issuer));
        row.appendChild(element('td', {}, certificate.serialNumber));
        row.appendChild(element('td', {}, day(certificate.notBefore) + ' ~ ' + day(certificate.notAfter)));
        row.appendChild(element('td', {}, certificate.keyAlgorithm));
        table.appendChild(row);
      });
      table.hidden = certificates.length === 0;
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var pin = pinInput.value;
      if (!pin) {
        show('ready', MESSAGES.pinRequired);
        return;
      }
      var token = client.tokens()[parseInt(tokenSelect.value, 10)];
      pinInput.value = '';
      show('reading', MESSAGES.reading);
      readButton.disabled = true;
      client.login({ serial: token.serial }, pin)
        .then(function () { return client.listCertificates(); })
        .then(function (certificates) {
          render(certificates);
          show('listed', certificates.length ? MESSAGES.listed : MESSAGES.noCertificates);
          if (options.onList) {
            options.onList(certificates);
          }
        })
        .catch(function (error) {
          if (error && error.code === 'not_running') {
            form.hidden = true;
            show('not-running', MESSAGES.notRunning);
            showActions(true);
            return;
          }
          show('error', KeyAgentClient.messageFor(error));
        })
        .then(function () { readButton.disabled = false; });
    });

    probe();
    return { refresh: probe };
  };

  global.KeyAgentClient = KeyAgentClient;
})(typeof window !== 'undefined' ? window : this);
