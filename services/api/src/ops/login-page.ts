/**
 * The sign-in page for Bull Board. Self-contained (no external asset: the CSP allows 'self' and inline
 * scripts and styles only). POST /auth/login sets the http-only session cookie Bull Board reads; the
 * page never sees the cookie, and it ignores the bearer token in the reply.
 */
export const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Sign in · reportmail queues</title>
<style>
  body { font-family: system-ui, sans-serif; background: #f4f5f7; margin: 0; }
  main { max-width: 22rem; margin: 10vh auto; background: #fff; padding: 2rem; border-radius: 8px;
         box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12); }
  h1 { font-size: 1.25rem; margin: 0 0 1.5rem; }
  label { display: block; margin-bottom: 1rem; font-size: 0.9rem; }
  input { display: block; width: 100%; box-sizing: border-box; margin-top: 0.25rem; padding: 0.5rem;
          font-size: 1rem; border: 1px solid #bbb; border-radius: 4px; }
  button { width: 100%; padding: 0.6rem; font-size: 1rem; border: 0; border-radius: 4px;
           background: #2457c5; color: #fff; cursor: pointer; }
  button:disabled { opacity: 0.6; }
  #error { color: #b00020; min-height: 1.5em; margin: 0 0 1rem; font-size: 0.9rem; }
</style>
</head>
<body>
<main>
  <h1>Sign in to the queues</h1>
  <form id="login">
    <label>Email <input name="email" type="email" autocomplete="username" required></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
    <p id="error" role="alert"></p>
    <button type="submit">Sign in</button>
  </form>
</main>
<script>
  const form = document.getElementById('login');
  const error = document.getElementById('error');
  const button = form.querySelector('button');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    button.disabled = true;
    try {
      const reply = await fetch('/auth/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: form.email.value, password: form.password.value }),
      });
      const body = await reply.json().catch(() => null);
      if (reply.ok && body && body.role === 'admin') {
        window.location.assign('/admin/queues');
        return;
      }
      error.textContent = reply.ok
        ? 'The queues need the admin role: this account is a viewer'
        : (body && body.message) || 'Sign-in failed (' + reply.status + ')';
    } catch {
      error.textContent = 'The server cannot be reached';
    } finally {
      button.disabled = false;
    }
  });
</script>
</body>
</html>
`;
