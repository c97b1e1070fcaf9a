/* Behaviour of the portal pages that PrimeFaces does not provide. */
var portal = window.portal || {};
window.portal = portal;

/**
 * Disables a PrimeFaces command button for the given number of seconds and shows the remaining seconds in its
 * label; template is a text with {0} for the seconds, e.g. "{0} 秒后重新发送".
 */
portal.countdown = function (widgetVar, seconds, template) {
  var button = PF(widgetVar);
  var label = button.jq.find('.ui-button-text');
  var original = label.text();
  var remaining = seconds;
  button.disable();
  var tick = function () {
    if (remaining <= 0) {
      label.text(original);
      button.enable();
      return;
    }
    label.text(template.replace('{0}', remaining));
    remaining -= 1;
    window.setTimeout(tick, 1000);
  };
  tick();
};

/**
 * 识别KEY (resources/portal/keyReader.xhtml): mounts the KEY控件's certificate picker (key-agent-client.js) into the
 * component whose root element has the id clientId, gives the picker's parts stable ids (clientId + ':message',
 * ':token', ':pin', ':read', ':choice-N'), and when a certificate is chosen puts it (base64 DER) into the hidden input
 * clientId + ':certificate' and clicks the hidden button clientId + ':select', which submits it by ajax. The root also
 * fires a 'keyreader:select' DOM event with the certificate as detail, and keeps the client as root.keyAgentClient
 * (for pages that go on to generate keys or sign with the key).
 */
portal.keyReader = function (clientId) {
  var root = document.getElementById(clientId);
  if (!root || typeof window.KeyAgentClient !== 'function') {
    return null;
  }
  var part = function (name) {
    return document.getElementById(clientId + ':' + name);
  };
  var ports = (root.getAttribute('data-ports') || '')
    .split(',')
    .map(function (port) { return parseInt(port, 10); })
    .filter(function (port) { return port > 0 && port < 65536; });
  var client = new window.KeyAgentClient({
    downloadUrl: root.getAttribute('data-download-url') || undefined,
    ports: ports.length ? ports : undefined,
    minAgentVersion: root.getAttribute('data-min-agent-version') || undefined
  });
  var picker = part('picker');
  var hidden = part('certificate');
  var select = part('select');
  var name = function (selector, id) {
    var element = picker.querySelector(selector);
    if (element) {
      element.id = clientId + ':' + id;
    }
  };
  window.KeyAgentClient.mountCertificatePicker(picker, client, {
    onList: function () {
      var choices = picker.querySelectorAll('input[name=ka-certificate]');
      for (var i = 0; i < choices.length; i++) {
        choices[i].id = clientId + ':choice-' + i;
      }
    },
    onSelect: function (certificate) {
      hidden.value = certificate.certificate;
      root.dispatchEvent(new CustomEvent('keyreader:select', { detail: certificate }));
      select.click();
    }
  });
  name('.ka-message', 'message');
  name('.ka-token', 'token');
  name('.ka-pin', 'pin');
  name('.ka-read', 'read');
  root.keyAgentClient = client;
  return client;
};

/**
 * 证书申请, 服务类型 changed (oncomplete of its ajax, with the callback parameters fromKey and lost): shows the 识别KEY
 * section only for the types that read the certificate from the key (the component is not re-rendered by ajax,
 * see keyReader.xhtml), and the 补办证书提示 dialog for the lost-key types.
 */
portal.applyServiceType = function (args) {
  if (!args || args.validationFailed) {
    return;
  }
  var keySection = document.getElementById('keySection');
  if (keySection) {
    keySection.style.display = args.fromKey ? '' : 'none';
  }
  if (args.lost) {
    PF('lostNotice').show();
  }
};

/**
 * 证书申请, 识别KEY (更新, 变更, 变更+更新), when the choice of a certificate on the key completes (the keyReader's
 * oncomplete): the server checked the certificate and gave a nonce (callback parameters proofSerial and proofNonce);
 * the key signs it through the agent, as at 制证 (client.proveKey), and the signature goes into the hidden inputs
 * #keyProofAlgorithm and #keyProofSignature, which 立即申请 sends with the step. #keyProofState says how it went
 * (data-state proving, proven or failed, with the texts of its data-text-* attributes); when the key cannot sign,
 * the step is refused on the server and nothing typed is lost.
 */
portal.applyKeyProof = function (keyReaderId, args) {
  var root = document.getElementById(keyReaderId);
  var state = document.getElementById('keyProofState');
  var algorithm = document.getElementById('keyProofAlgorithm');
  var signature = document.getElementById('keyProofSignature');
  if (!state || !algorithm || !signature) {
    return;
  }
  var show = function (name, text) {
    state.setAttribute('data-state', name);
    state.textContent = text;
  };
  algorithm.value = '';
  signature.value = '';
  if (!args || args.validationFailed || !args.proofNonce) {
    show('', '');
    return;
  }
  var client = root && root.keyAgentClient;
  var failed = function (error) {
    var reason = (error && error.message) || String(error || '');
    show('failed', (state.getAttribute('data-text-failed') || '{0}').replace('{0}', reason));
  };
  if (!client) {
    show('', ''); // no 识别KEY without the agent's client: the server asks for the proof
    return;
  }
  show('proving', state.getAttribute('data-text-proving') || '');
  client.proveKey(args.proofSerial, args.proofNonce).then(function (signed) {
    algorithm.value = signed.algorithm;
    signature.value = signed.signature;
    show('proven', state.getAttribute('data-text-proven') || '');
  }).catch(failed);
};

/**
 * 证书申请, steps 1 and 3: keeps what the applicant types or chooses in the draft on the server as they go, unchecked,
 * so that a reload, a session timeout or a crash loses nothing before 立即申请 / 下一步 checks and saves the step. The
 * fields are the elements of the form marked data-input="<InputField>" that hold the field's input (the .field
 * wrapper: radio buttons, a select, a checkbox, or a text input or area). A change is sent at once, typing after a
 * pause of a second. The values are taken when the request leaves the ajax queue (the remote command's onstart), so
 * that they are the form as the requests before it (e.g. 服务类型's, which redraws the fields) left it. The form's
 * element [data-input-state] says idle, pending, saved or failed (with the server's reason). Once input is kept, the
 * address asks for the draft (?resume=true), so that a reload reopens it.
 *
 * formId, hiddenId: the form and its hidden input the remote command submits; command: the remote command's name.
 * The remote command calls portal.inputKeepers[formId].start() as onstart and .complete(args) as oncomplete.
 */
portal.inputKeepers = portal.inputKeepers || {};

portal.keepInput = function (formId, hiddenId, command) {
  var form = document.getElementById(formId);
  var hidden = document.getElementById(hiddenId);
  if (!form || !hidden) {
    return;
  }
  var state = form.querySelector('[data-input-state]');
  var changes = 0;
  var sentChanges = [];
  var queued = false;
  var timer = null;

  var show = function (name, text) {
    if (state) {
      state.setAttribute('data-input-state', name);
      state.textContent = text || state.getAttribute('data-text-' + name) || '';
    }
  };
  var valueOf = function (field) {
    var element = $(field);
    var radios = element.find(':radio');
    if (radios.length) {
      return radios.filter(':checked').val() || '';
    }
    var select = element.find('select');
    if (select.length) {
      return select.val() || '';
    }
    var checkbox = element.find(':checkbox');
    if (checkbox.length) {
      return checkbox.prop('checked') ? 'true' : 'false';
    }
    return element.find('input:not([type=hidden]), textarea').first().val() || '';
  };
  var send = function () {
    window.clearTimeout(timer);
    timer = null;
    if (!queued) {
      queued = true;
      window[command]();
    }
  };
  var askForTheDraftOnReload = function () {
    if (window.history && window.URL) {
      var address = new URL(window.location.href);
      if (address.searchParams.get('resume') !== 'true') {
        address.searchParams.set('resume', 'true');
        window.history.replaceState(window.history.state, '', address.toString());
      }
    }
  };

  portal.inputKeepers[formId] = {
    start: function () {
      queued = false;
      var values = {};
      $(form).find('[data-input]').each(function () {
        values[this.getAttribute('data-input')] = valueOf(this);
      });
      hidden.value = JSON.stringify(values);
      sentChanges.push(changes);
    },
    complete: function (args) {
      var covered = sentChanges.shift();
      if (!args || args.inputKept !== true) {
        show('failed', args && args.refusal);
        return;
      }
      askForTheDraftOnReload();
      if (covered === changes && !queued && timer === null && sentChanges.length === 0) {
        show('saved');
      }
    }
  };

  $(form).on('input change', function (event) {
    if (!$(event.target).closest('[data-input]').length) {
      return;
    }
    changes += 1;
    show('pending');
    if (event.type === 'change') {
      send();
    } else {
      window.clearTimeout(timer);
      timer = window.setTimeout(send, 1000);
    }
  });
};

/**
 * 发票管理: copies the data-copy text of the button to the clipboard, and says so on the button (its data-copied text)
 * for a moment. Falls back to a selected text area where the Clipboard API is unavailable (plain HTTP).
 */
portal.copy = function (button, text) {
  var value = text !== undefined ? text : button.getAttribute('data-copy') || '';
  var original = button.getAttribute('data-label') || button.textContent;
  button.setAttribute('data-label', original);
  var done = function () {
    button.classList.add('copied');
    button.textContent = button.getAttribute('data-copied') || original;
    window.setTimeout(function () {
      button.classList.remove('copied');
      button.textContent = original;
    }, 1500);
  };
  var fallback = function () {
    var area = document.createElement('textarea');
    area.value = value;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      if (document.execCommand('copy')) {
        done();
      }
    } finally {
      document.body.removeChild(area);
    }
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(value).then(done, fallback);
  } else {
    fallback();
  }
};

/** 复制全部: copies the buyer data list before the button as "label：value" lines. */
portal.copyAll = function (button) {
  var list = button.previousElementSibling;
  var lines = [];
  if (list) {
    var terms = list.querySelectorAll('dt');
    for (var i = 0; i < terms.length; i++) {
      var value = terms[i].nextElementSibling && terms[i].nextElementSibling.querySelector('span');
      if (value) {
        lines.push(terms[i].textContent.trim() + '：' + value.textContent.trim());
      }
    }
  }
  portal.copy(button, lines.join('\n'));
};

/**
 * 审核 (review/order.xhtml): whether the reviewer was at work on the page (pointer, keys, scrolling) since the poll
 * last asked; the poll that renews the claim on the order only goes to the server when they were, so that a page
 * left open does not hold the order for ever.
 */
portal.reviewActivity = (function () {
  var active = false;
  ['mousemove', 'mousedown', 'keydown', 'scroll', 'wheel', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, function () { active = true; }, { passive: true, capture: true });
  });
  return {
    takeActive: function () {
      var was = active;
      active = false;
      return was;
    }
  };
}());

/** A click on an image with the class "zoomable" shows it at its full size, another click fits it again. */
document.addEventListener('click', function (event) {
  var target = event.target;
  if (target && target.classList && target.classList.contains('zoomable')) {
    target.classList.toggle('zoomed');
  }
});

/**
 * 制证 (applicant/make.xhtml): once 识别KEY has read the key and the applicant chose a certificate, has the key prove
 * that it holds the old certificate's key (the panel's data-proof-serial and data-nonce), makes a P-256 key pair on
 * it, sends the request to the server (the remote command makeCertificate), writes the certificate that comes back
 * (portal.make.issued) and tells the server it is on the key (confirmOnKey). When the panel carries a certificate
 * made before (data-made, after an interruption), it only writes that one again, onto the key it was made for.
 */
portal.make = function (keyReaderId) {
  var root = document.getElementById(keyReaderId);
  var panel = document.getElementById('makePanel');
  var progress = document.getElementById('makeProgress');
  if (!root || !panel) {
    return;
  }
  var say = function (text) {
    progress.textContent = text;
  };
  var failed = function (error) {
    say('制证未完成：' + ((error && error.message) || error) + '。请重新插入KEY后再试。');
  };
  portal.make.install = function (made) {
    var client = root.keyAgentClient;
    say('正在将证书写入KEY……');
    var options = portal.make.keyId ? { keyId: portal.make.keyId } : {};
    return client.installCertificate(made.certificate, made.chain, options).then(function () {
      say('证书已写入KEY，正在确认……');
      confirmOnKey();
    }, failed);
  };
  portal.make.issued = function (xhr, status, args) {
    if (!args || args.validationFailed || !args.made) {
      say('');
      return;
    }
    portal.make.install(JSON.parse(args.made));
  };
  root.addEventListener('keyreader:select', function (event) {
    var client = root.keyAgentClient;
    var chosen = event.detail || {};
    var before = panel.getAttribute('data-made');
    if (before) {
      portal.make.keyId = null;
      portal.make.install(JSON.parse(before));
      return;
    }
    var serial = panel.getAttribute('data-proof-serial');
    var nonce = panel.getAttribute('data-nonce');
    if (serial && (chosen.serialNumber || '').toLowerCase().replace(/^0+/, '') !== serial) {
      say('请选择申请时读取的证书（序列号 ' + serial + '）。');
      return;
    }
    say('正在验证KEY中的证书……');
    var proof = serial ? client.proveKey(serial, nonce) : Promise.resolve(null);
    proof.then(function (signed) {
      say('正在KEY中生成新的密钥……');
      return client.generateKey('EC-P256').then(function (key) {
        portal.make.keyId = key.keyId;
        say('正在签发证书……');
        makeCertificate([
          { name: 'csr', value: key.csr },
          { name: 'algorithm', value: signed ? signed.algorithm : '' },
          { name: 'signature', value: signed ? signed.signature : '' }
        ]);
      });
    }).catch(failed);
  });
};

/**
 * Office 制证 (operator/make.xhtml): lists the tokens the key agent sees in #officeToken; on #officeMakeStart asks the
 * server for the applicant's user PIN (officeSendPin: it is sent to the applicant by SMS and comes back only as a
 * callback parameter), sets it on the new key as its security officer (#officeSoPin), logs in with it, makes a P-256
 * key pair, has the certificate issued (officeIssue, with the key's serial) and writes it onto the key.
 */
portal.officeMake = function (ports) {
  var state = {};
  var configured = (ports || '').split(',').map(function (p) { return parseInt(p, 10); })
    .filter(function (p) { return p > 0 && p < 65536; });
  var client = new window.KeyAgentClient({ ports: configured.length ? configured : undefined });
  var say = function (text, done) {
    var progress = document.getElementById('officeProgress');
    if (progress) {
      progress.textContent = text;
      progress.setAttribute('data-state', done || '');
    }
  };
  var failed = function (error) {
    say('制作未完成：' + ((error && error.message) || error), 'failed');
  };
  portal.officeMake.open = function () {
    client.probe().then(function () { return client.tokens(); }).then(function (tokens) {
      var select = document.getElementById('officeToken');
      select.innerHTML = '';
      tokens.forEach(function (token) {
        var option = document.createElement('option');
        option.value = token.serial;
        option.textContent = token.label + ' (' + token.serial + ')';
        select.appendChild(option);
      });
      state.tokens = tokens;
    }).catch(failed);
  };
  portal.officeMake.start = function () {
    var serial = document.getElementById('officeToken').value;
    state.token = (state.tokens || []).filter(function (t) { return t.serial === serial; })[0];
    state.soPin = document.getElementById('officeSoPin').value;
    if (!state.token || !state.soPin) {
      say('请选择KEY并输入安全员PIN');
      return;
    }
    say('正在生成用户PIN并短信通知申请人……');
    officeSendPin();
  };
  portal.officeMake.pinSent = function (xhr, status, args) {
    if (!args || args.validationFailed || !args.pin) {
      say('');
      return;
    }
    var pin = args.pin;
    say('正在设置KEY的用户PIN……');
    client.initUserPin({ serial: state.token.serial }, state.soPin, pin, { reinitialise: true })
      .then(function () { return client.login({ serial: state.token.serial }, pin); })
      .then(function () {
        say('正在KEY中生成密钥……');
        return client.generateKey('EC-P256');
      })
      .then(function (key) {
        state.keyId = key.keyId;
        say('正在签发证书……');
        officeIssue([{ name: 'csr', value: key.csr }, { name: 'keySerial', value: state.token.serial }]);
      })
      .catch(failed);
  };
  portal.officeMake.issued = function (xhr, status, args) {
    if (!args || args.validationFailed || !args.made) {
      say('');
      return;
    }
    var made = JSON.parse(args.made);
    say('正在将证书写入KEY……');
    client.installCertificate(made.certificate, made.chain, { keyId: state.keyId })
      .then(function () {
        say('KEY制作完成，证书已写入KEY', 'written');
        officeWritten();
      })
      .catch(failed);
  };
};

/**
 * Staff login with a USB key (login-key.xhtml): once 识别KEY has read the key and the staff member chose the bound
 * certificate (#keyLoginPanel's data-serial), has the key sign the server's nonce (data-nonce) through the agent, puts
 * the signature into the hidden inputs and submits it (#keyLoginSubmit), which completes the login.
 */
portal.keyLogin = function (keyReaderId) {
  var root = document.getElementById(keyReaderId);
  var panel = document.getElementById('keyLoginPanel');
  var progress = document.getElementById('keyLoginProgress');
  if (!root || !panel) {
    return;
  }
  var say = function (text) {
    progress.textContent = text;
  };
  root.addEventListener('keyreader:select', function (event) {
    var chosen = event.detail || {};
    var serial = panel.getAttribute('data-serial');
    var nonce = panel.getAttribute('data-nonce');
    if ((chosen.serialNumber || '').toLowerCase().replace(/^0+/, '') !== serial) {
      say('请选择绑定的证书（序列号 ' + serial + '）。');
      return;
    }
    say('正在使用KEY签名……');
    root.keyAgentClient.proveKey(serial, nonce).then(function (signed) {
      document.getElementById('keyLoginNonce').value = nonce;
      document.getElementById('keyLoginAlgorithm').value = signed.algorithm;
      document.getElementById('keyLoginSignature').value = signed.signature;
      say('正在登录……');
      document.getElementById('keyLoginSubmit').click();
    }).catch(function (error) {
      say('KEY签名未完成：' + ((error && error.message) || error) + '。请重新插入KEY后再试。');
    });
  });
};
