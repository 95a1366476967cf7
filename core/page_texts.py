"""The starting words of the accessibility statement and the privacy page, in English and Spanish.

Every site gets these pages on its first ``migrate`` (``core.pages``), so the
footer's links never lead nowhere; staff then make the words their own in the
admin (Site → Pages). The text names no city: it is true of the software as
shipped. A deployment that changes what is kept (a proxy that logs addresses, a
longer retention) must change these pages to match.

``PAGES_ES`` holds the same pages in Spanish, for the Spanish fields of the
``Page`` model once the site is translated.
"""

ACCESSIBILITY_BODY = """\
## Our standard

We want everyone to be able to use this website, including people who use a
screen reader, a keyboard instead of a mouse, voice control, magnification or
an older phone. We aim to meet the Web Content Accessibility Guidelines
(WCAG) 2.2 at level AA on every page.

## What you can expect

- Every page works without JavaScript.
- You can reach everything with a keyboard alone. The first link on each page
  skips to the main content, and you can always see where you are.
- Pages fit a screen 320 pixels wide without scrolling sideways, and you can
  make the text twice as large.
- Every chart has a table next to it with the same figures.
- Forms say what went wrong, next to the field, and keep what you typed.
- Colors have enough contrast to read, and color is never the only way
  something is shown.

## How we test it

- On every change to the website, an automated checker (axe-core) runs in a
  real Chromium browser on every kind of page, in English and in Spanish,
  against the WCAG 2.0, 2.1 and 2.2 rules at levels A and AA. A change that
  breaks a rule is not published.
- We go through the forms with the keyboard alone: sending feedback, fixing a
  mistake and getting a reference number.
- We check that pages reflow at 320 pixels wide and work with JavaScript
  turned off.

Automated checks find only some problems, so your reports matter.

## Known limitations

- Many PDF documents, such as draft policies and the monitor's reports, come
  from other offices. Some are scanned pages or lack the structure a screen
  reader needs. If you cannot read one, ask us and we will send you the text
  in another format.
- Links to other websites, such as the court's or the monitor's, lead to
  pages we do not run and cannot fix.
- The website has not yet been tested by a panel of people who use assistive
  technology. We plan to do this.

## Tell us about a barrier

If something on this website is hard or impossible for you to use, please
tell us. Send feedback and choose the topic “Website accessibility”. Say which
page it was and what happened; if you would like an answer, tick “Please reply
to me”. A member of our team reads every message. You can also ask us for any
page or document in another format, such as large print or plain text.
"""

PRIVACY_BODY = """\
## When you read this website

We keep nothing about you. There is no advertising, no analytics and no
tracking, and nothing is loaded from other websites. The program that runs
this website does not record your internet address in its logs.

## When you send feedback or comment on a draft policy

We keep:

- your message, the topic or draft policy it is about, and when we received it;
- your name and ZIP code, if you give them;
- your email address and the language you want us to reply in, only if you
  tick “Please reply to me”;
- a scrambled code made from your internet address, never the address
  itself. It cannot be turned back into the address. We use it only to stop
  one sender from flooding the form.

## When you sign up for email alerts

We keep your email address, what you chose to hear about and the language of
the emails, only to send you those alerts, and we never share them. Until you
follow the link in the confirmation email we send that address nothing else,
and if you do not follow it in time we delete it. When you unsubscribe, by the
link in any alert or your mail program's unsubscribe button, we delete the
address at once, with the record of what we sent you. Only the staff who
manage the alerts can see addresses; other staff see only how many people
subscribe.

## Cookies

This website sets only two cookies, and neither follows you to other websites:

- **csrftoken**, on pages with a form. It is a security check that stops
  another website from sending a form in your name. It holds nothing about
  you.
- **sessionid**, only when you send feedback (so that only your browser can
  show your confirmation and its reference number) and when staff sign in.

## Who can see it

Only the staff who review feedback can read your message and your details.
We use your details only to reply to you and to understand which
neighborhoods we hear from. We never sell them or publish them. We may
publish a summary of what residents told us about a draft policy, without
names or details that identify anyone.

## How to have your message deleted

Send us feedback that gives the reference number of your message (such as
FB-7K2Q-9XWD) and asks us to delete it. If you no longer have the reference,
give the email address you used and about when you wrote. We will delete the
message and your details and, if you gave an email address, tell you when it
is done.
"""

PAGES = {
    "accessibility": {
        "title": "Accessibility statement",
        "summary": (
            "How we make this website work for everyone, how we test it, what still "
            "falls short and how to tell us about a barrier."
        ),
        "body": ACCESSIBILITY_BODY,
    },
    "privacy": {
        "title": "Privacy",
        "summary": (
            "What this website keeps about you, for how long, who can see it and how "
            "to have it deleted."
        ),
        "body": PRIVACY_BODY,
    },
}

ACCESSIBILITY_BODY_ES = """\
## Nuestro compromiso

Queremos que todas las personas puedan usar este sitio web, también quienes
usan un lector de pantalla, el teclado en vez del ratón, control por voz,
ampliación de pantalla o un teléfono viejo. Buscamos cumplir con las Pautas de
Accesibilidad para el Contenido Web (WCAG) 2.2, nivel AA, en todas las
páginas.

## Lo que puede esperar

- Todas las páginas funcionan sin JavaScript.
- Puede llegar a todo usando solo el teclado. El primer enlace de cada página
  lo lleva directo al contenido principal, y siempre se ve dónde está.
- Las páginas caben en una pantalla de 320 píxeles de ancho sin moverse hacia
  los lados, y puede agrandar el texto al doble.
- Cada gráfica tiene al lado una tabla con las mismas cifras.
- Los formularios le dicen qué falta o qué está mal, junto al campo, y
  guardan lo que escribió.
- Los colores tienen suficiente contraste para leer bien, y nunca se usa solo
  el color para mostrar algo.

## Cómo lo comprobamos

- Con cada cambio al sitio, un revisor automático (axe-core) revisa cada tipo
  de página en un navegador Chromium real, en inglés y en español, con las
  reglas de las WCAG 2.0, 2.1 y 2.2, niveles A y AA. Un cambio que rompe una
  regla no se publica.
- Recorremos los formularios usando solo el teclado: mandar comentarios,
  corregir un error y recibir un número de referencia.
- Comprobamos que las páginas se acomodan a 320 píxeles de ancho y que
  funcionan con JavaScript apagado.

Las revisiones automáticas encuentran solo una parte de los problemas; por eso
sus reportes son tan importantes.

## Limitaciones conocidas

- Muchos documentos PDF, como los borradores de políticas y los informes del
  monitor, vienen de otras oficinas. Algunos son páginas escaneadas o no
  tienen la estructura que necesita un lector de pantalla. Si no puede leer
  alguno, pídanoslo y le mandamos el texto en otro formato.
- Los enlaces a otros sitios, como los del tribunal o del monitor, llevan a
  páginas que no manejamos y que no podemos arreglar.
- Todavía no ha probado el sitio un grupo de personas que usan tecnología de
  asistencia. Pensamos hacerlo.

## Avísenos de una barrera

Si algo de este sitio le cuesta trabajo o no lo puede usar, díganos. Mándenos
sus comentarios y escoja el tema “Accesibilidad del sitio web”. Díganos en qué
página fue y qué pasó; si quiere una respuesta, indíquelo en el formulario
y déjenos su correo electrónico. Alguien de nuestro equipo lee cada mensaje. También nos puede
pedir cualquier página o documento en otro formato, como letra grande o texto
simple.
"""

PRIVACY_BODY_ES = """\
## Cuando usted lee este sitio

No guardamos nada sobre usted. No hay anuncios, ni estadísticas de visitas,
ni rastreo, y nada se carga desde otros sitios web. El programa que hace
funcionar este sitio no anota su dirección de internet en sus registros.

## Cuando nos manda comentarios o comenta un borrador de política

Guardamos:

- su mensaje, el tema o el borrador de política al que se refiere, y cuándo lo
  recibimos;
- su nombre y su código postal, si nos los da;
- su correo electrónico y el idioma en que quiere la respuesta, solo si nos
  pide una respuesta;
- un código revuelto hecho a partir de su dirección de internet, nunca la
  dirección misma. No se puede convertir de nuevo en la dirección. Lo usamos
  solo para que una sola persona no inunde el formulario con mensajes.

## Cuando se suscribe a los avisos por correo

Guardamos su correo electrónico, los temas que escogió y el idioma de los
correos solo para mandarle esos avisos, y nunca los compartimos. Hasta que
usted siga el enlace del correo de confirmación no le mandamos nada más, y si
no lo sigue a tiempo borramos la dirección. Cuando cancela la suscripción, con
el enlace de cualquier aviso o el botón para cancelar de su programa de
correo, borramos la dirección enseguida, junto con el registro de lo que le
mandamos. Solo el personal que administra los avisos puede ver las
direcciones; el resto del personal solo ve cuántas personas están suscritas.

## Cookies

Este sitio usa solo dos cookies, y ninguna lo sigue a otros sitios:

- **csrftoken**, en las páginas que tienen un formulario. Es un control de
  seguridad que impide que otro sitio mande un formulario a su nombre. No
  guarda nada sobre usted.
- **sessionid**, solo cuando usted nos manda comentarios (para que únicamente
  su navegador pueda mostrar su confirmación y su número de referencia) y
  cuando el personal inicia sesión.

## Quién lo puede ver

Solo el personal que revisa los comentarios puede leer su mensaje y sus
datos. Usamos sus datos solo para contestarle y para saber de qué barrios nos
escriben. Nunca los vendemos ni los publicamos. Es posible que publiquemos un
resumen de lo que nos dijeron los residentes sobre un borrador de política,
sin nombres ni datos que identifiquen a nadie.

## Cómo pedir que borremos su mensaje

Mándenos un comentario con el número de referencia de su mensaje (por
ejemplo, FB-7K2Q-9XWD) y pídanos que lo borremos. Si ya no tiene el número,
díganos el correo electrónico que usó y más o menos cuándo nos escribió.
Borraremos el mensaje y sus datos y, si nos dio un correo electrónico, le
avisaremos cuando esté hecho.
"""

PAGES_ES = {
    "accessibility": {
        "title": "Declaración de accesibilidad",
        "summary": (
            "Cómo hacemos que este sitio funcione para todas las personas, cómo lo "
            "comprobamos, qué falta todavía y cómo avisarnos de una barrera."
        ),
        "body": ACCESSIBILITY_BODY_ES,
    },
    "privacy": {
        "title": "Privacidad",
        "summary": (
            "Qué guarda este sitio sobre usted, por cuánto tiempo, quién lo puede ver "
            "y cómo pedir que lo borremos."
        ),
        "body": PRIVACY_BODY_ES,
    },
}
