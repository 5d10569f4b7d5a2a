// Small behaviours of the TGPL pages. No inline scripts anywhere (CSP).
(function () {
  "use strict";
  // <form data-confirm="Bạn chắc chắn?"> asks before submitting.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  // Keep messages visible only for a while, except errors.
  document.querySelectorAll(".messages .alert-success, .messages .alert-info").forEach(function (el) {
    window.setTimeout(function () {
      if (window.bootstrap) { window.bootstrap.Alert.getOrCreateInstance(el).close(); }
    }, 8000);
  });
})();
