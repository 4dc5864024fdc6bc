<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about.py" line="+43"/>
        <source>About Frontdesk</source>
        <translation>Acerca de Frontdesk</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Frontdesk  version {version}</source>
        <translation>Frontdesk  versión {version}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reception-desk bookings for vcita&apos;s Platform API, with offline drafts that are sent exactly once when the connection is back.</source>
        <translation>Reservas de recepción para la Platform API de vcita, con borradores sin conexión que se envían una sola vez cuando vuelve la conexión.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected to {url}</source>
        <translation>Conectado a {url}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the versions above, e.g. for a support request</source>
        <translation>Copiar las versiones de arriba, por ejemplo para una consulta a soporte</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>BookingClient</name>
    <message>
        <location filename="../../desktop/api/actions.py" line="+40"/>
        <source>open this business</source>
        <translation>abrir este negocio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>see the services</source>
        <translation>ver los servicios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>see the staff list</source>
        <translation>ver la lista de profesionales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>see open times</source>
        <translation>ver los horarios libres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>see event sessions</source>
        <translation>ver las sesiones de los eventos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>see the appointments</source>
        <translation>ver los turnos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>search clients</source>
        <translation>buscar clientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the booking forms</source>
        <translation>leer los formularios de reserva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>make bookings</source>
        <translation>hacer reservas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancel bookings</source>
        <translation>cancelar reservas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mark bookings as completed</source>
        <translation>marcar reservas como atendidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mark no-shows</source>
        <translation>marcar ausencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reschedule bookings</source>
        <translation>reprogramar reservas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accept booking requests</source>
        <translation>aceptar solicitudes de reserva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>put clients on a waitlist</source>
        <translation>anotar clientes en una lista de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>take clients off a waitlist</source>
        <translation>quitar clientes de una lista de espera</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This account is not allowed to do that. Ask the business owner to give it that right.</source>
        <translation>Esta cuenta no tiene permiso para hacer eso. Pídale al dueño del negocio que le dé ese permiso.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account is not allowed to {action}. Ask the business owner to give it that right.</source>
        <translation>Esta cuenta no tiene permiso para {action}. Pídale al dueño del negocio que le dé ese permiso.</translation>
    </message>
    <message>
        <location filename="../../desktop/api/bookings.py" line="+123"/>
        <source>The booking&apos;s answer was lost and the new client has no e-mail address to look it up by. Look at the calendar before booking again.</source>
        <extracomment>The shape of ``form_data.fields`` the server took last (ARRAY until told otherwise).</extracomment>
        <translation>Se perdió la respuesta de la reserva y el cliente nuevo no tiene correo electrónico para buscarla. Revise la agenda antes de volver a reservar.</translation>
    </message>
    <message>
        <location filename="../../desktop/api/errors.py" line="+42"/>
        <source>The staff token was not accepted. It may have expired: sign in again.</source>
        <extracomment>Safe to send the same request again later (network trouble, server trouble).</extracomment>
        <translation>No se aceptó el token del personal. Puede haber vencido: vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The request was cancelled.</source>
        <translation>Se canceló la solicitud.</translation>
    </message>
    <message>
        <location filename="../../desktop/api/failures.py" line="+97"/>
        <source>The booking service&apos;s security certificate could not be verified, so Frontdesk did not connect. Check the API address and the computer&apos;s date and time.</source>
        <extracomment>Refused connection, DNS failure, connect or pool timeout: nothing was sent. The certificate could not be verified: nothing was sent, and it is never bypassed. The request could not be put on the wire (e.g. a token with odd characters). Sent, and no answer within the read timeout. Sent, then the connection was dropped before the whole answer arrived. An answer came but could not be decoded. The answer grew past MAX_ANSWER_BYTES. The answer was still arriving when the call&apos;s deadline passed.</extracomment>
        <translation>No se pudo verificar el certificado de seguridad del servicio de reservas, así que Frontdesk no se conectó. Revise la dirección de la API y la fecha y hora de la computadora.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Frontdesk could not send the request (the staff token or the API address may contain characters that cannot be sent).</source>
        <translation>Frontdesk no pudo enviar la solicitud (el token del personal o la dirección de la API pueden tener caracteres que no se pueden enviar).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The booking service did not answer within {seconds} seconds. Please try again.</source>
        <translation>El servicio de reservas no respondió en {seconds} segundos. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection to the booking service was lost before it answered. Please try again.</source>
        <translation>Se perdió la conexión con el servicio de reservas antes de que respondiera. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The booking service sent an answer too large to read. Please try again in a few minutes.</source>
        <translation>El servicio de reservas envió una respuesta demasiado grande para leerla. Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The booking service&apos;s answer took more than {seconds} seconds to arrive. Please try again in a few minutes.</source>
        <translation>La respuesta del servicio de reservas tardó más de {seconds} segundos en llegar. Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The request was sent, but the booking service did not answer within {seconds} seconds, so it may or may not have been carried out. Frontdesk checks before sending it again.</source>
        <translation>La solicitud se envió, pero el servicio de reservas no respondió en {seconds} segundos, así que puede que se haya realizado o no. Frontdesk lo verifica antes de volver a enviarla.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The request was sent, but the connection was lost before the booking service answered, so it may or may not have been carried out. Frontdesk checks before sending it again.</source>
        <translation>La solicitud se envió, pero se perdió la conexión antes de que el servicio de reservas respondiera, así que puede que se haya realizado o no. Frontdesk lo verifica antes de volver a enviarla.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The request was sent, but the booking service&apos;s answer could not be read, so it may or may not have been carried out. Frontdesk checks before sending it again.</source>
        <translation>La solicitud se envió, pero no se pudo leer la respuesta del servicio de reservas, así que puede que se haya realizado o no. Frontdesk lo verifica antes de volver a enviarla.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The booking service had trouble (error {status}) after the request was sent, so it may or may not have been carried out. Frontdesk checks before sending it again.</source>
        <translation>El servicio de reservas tuvo un problema (error {status}) después de recibir la solicitud, así que puede que se haya realizado o no. Frontdesk lo verifica antes de volver a enviarla.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Frontdesk cannot reach the booking service. Please check the internet connection.</source>
        <translation>Frontdesk no puede comunicarse con el servicio de reservas. Revise la conexión a internet.</translation>
    </message>
    <message>
        <location filename="../../desktop/api/reads.py" line="+199"/>
        <source>Open times can only be looked up for named staff members, and no staff member (or a blank one) was given.</source>
        <extracomment>``sort``: a field and a direction, e.g. ``start_at:ASC`` or ``updated:DESC``.</extracomment>
        <translation>Los horarios libres solo se pueden buscar para profesionales concretos, y no se indicó ninguno (o se indicó uno en blanco).</translation>
    </message>
    <message>
        <location filename="../../desktop/api/responses.py" line="+32"/>
        <source>The booking service sent an answer Frontdesk could not read. Please try again in a few minutes.</source>
        <translation>El servicio de reservas envió una respuesta que Frontdesk no pudo leer. Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>what was asked for</source>
        <extracomment>Field errors kept from one answer (a hostile one may name thousands). Keys of an ``error`` object that describe one error, as opposed to field ids. Codes that say the start is not free. Only TIMESLOT_UNAVAILABLE is documented; the other spellings are read the same way in case another revision of the API uses them. A refusal without one of those codes whose text says the time is not free (&quot;The requested time slot is not available&quot;, &quot;Staff is not available at this time&quot;): a start on a 10-minute grid where the service does not fit is refused with words like these. Codes whose text is about form fields or parameters, never about the time. What a call&apos;s 404 can name (its ``what=``): marked here for lupdate, translated when shown.</extracomment>
        <translation>lo que se pidió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that business</source>
        <translation>ese negocio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the services</source>
        <translation>los servicios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the staff list</source>
        <translation>la lista de profesionales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open times</source>
        <translation>los horarios libres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that event</source>
        <translation>ese evento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the appointments</source>
        <translation>los turnos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that appointment</source>
        <translation>ese turno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the clients</source>
        <translation>los clientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the booking form of that service</source>
        <translation>el formulario de reserva de ese servicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that booking</source>
        <translation>esa reserva</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>That time was just taken by someone else. Please pick another time.</source>
        <translation>Alguien acaba de tomar ese horario. Elija otro.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This client is already registered for that event.</source>
        <translation>Este cliente ya está inscrito en ese evento.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That event has no places left. Please pick another session.</source>
        <translation>Ese evento no tiene más lugares. Elija otra sesión.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The booking service could not find {what}. It may have been removed; please refresh.</source>
        <translation>El servicio de reservas no encontró {what}. Puede que se haya eliminado; actualice la vista.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The booking service is busy right now. Please try again in a moment.</source>
        <translation>El servicio de reservas está ocupado en este momento. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The booking service refused the request because some details are missing or wrong.</source>
        <translation>El servicio de reservas rechazó la solicitud porque faltan datos o hay datos incorrectos.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The booking service is having trouble right now (error {status}). Please try again in a few minutes.</source>
        <translation>El servicio de reservas tiene problemas en este momento (error {status}). Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The booking service gave an unexpected answer (HTTP {status}). Check the API address in the settings.</source>
        <translation>El servicio de reservas dio una respuesta inesperada (HTTP {status}). Revise la dirección de la API en la configuración.</translation>
    </message>
    <message>
        <location filename="../../desktop/api/transport.py" line="+79"/>
        <source>The staff token is empty or contains characters that cannot be sent. Please paste it again.</source>
        <extracomment>Query parameters; a list value repeats the key.</extracomment>
        <translation>El token del personal está vacío o tiene caracteres que no se pueden enviar. Vuelva a pegarlo.</translation>
    </message>
    <message>
        <location filename="../../desktop/api/urls.py" line="+34"/>
        <source>The API address is not a valid web address. Check it in the settings.</source>
        <translation>La dirección de la API no es una dirección web válida. Revísela en la configuración.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The API address must start with https:// and name a server. Check it in the settings.</source>
        <translation>La dirección de la API debe empezar con https:// e indicar un servidor. Revísela en la configuración.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The API address must not contain a user name or password. Check it in the settings.</source>
        <translation>La dirección de la API no debe incluir un usuario ni una contraseña. Revísela en la configuración.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The API address must not contain a “?” or “#” part. Use only the server&apos;s address, for example https://api.vcita.biz.</source>
        <translation>La dirección de la API no debe tener una parte con “?” o “#”. Use solo la dirección del servidor, por ejemplo https://api.vcita.biz.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The API address uses plain http, which would send the staff token unprotected. Use an https:// address.</source>
        <translation>La dirección de la API usa http simple, que enviaría el token del personal sin protección. Use una dirección https://.</translation>
    </message>
</context>
<context>
    <name>BookingLayout</name>
    <message>
        <location filename="../../desktop/ui/booking/layout.py" line="+37"/>
        <source>&amp;Appointment</source>
        <translation>&amp;Turno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Event registration</source>
        <translation>&amp;Inscripción a un evento</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>1 · What</source>
        <translation>1 · Qué</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Service</source>
        <translation>&amp;Servicio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;taff</source>
        <translation>Pro&amp;fesional</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>2 · When</source>
        <translation>2 · Cuándo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>3 · Who</source>
        <translation>3 · Quién</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save as &amp;draft</source>
        <translation>Guardar como &amp;borrador</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep this booking on this computer to send later (Ctrl+S)</source>
        <translation>Guardar esta reserva en esta computadora para enviarla más tarde (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join the &amp;waitlist</source>
        <translation>Anotar en la &amp;lista de espera</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The session is full: put the chosen client on its waitlist</source>
        <translation>La sesión está completa: anotar al cliente elegido en su lista de espera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Book</source>
        <translation>&amp;Reservar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The client is told about the booking as the business&apos;s own notification settings say; Frontdesk cannot change that for a new booking.</source>
        <translation>Al cliente se le avisa de la reserva según la configuración de notificaciones del negocio; Frontdesk no puede cambiar eso en una reserva nueva.</translation>
    </message>
</context>
<context>
    <name>BookingPage</name>
    <message>
        <location filename="../../desktop/ui/booking/restore.py" line="+155"/>
        <source>Booking again for {name}: pick the new time.</source>
        <translation>Nueva reserva para {name}: elija el nuevo horario.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/booking/on_screen.py" line="+69"/>
        <source>New client</source>
        <translation>Cliente nuevo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a service</source>
        <translation>un servicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an event</source>
        <translation>un evento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a time</source>
        <translation>un horario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a session</source>
        <translation>una sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a session with free spots (or join its waitlist)</source>
        <translation>una sesión con lugares libres (o anotarse en su lista de espera)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a usable new-client form</source>
        <translation>un formulario de cliente nuevo que se pueda usar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a client</source>
        <translation>un cliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a usable booking form</source>
        <translation>un formulario de reserva que se pueda usar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the service&apos;s booking form (loading)</source>
        <translation>el formulario de reserva del servicio (cargando)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a new client</source>
        <translation>un cliente nuevo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/booking/picks.py" line="+66"/>
        <source>Choose a service to see open times.</source>
        <translation>Elija un servicio para ver los horarios libres.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Searching clients…</source>
        <translation>Buscando clientes…</translation>
    </message>
</context>
<context>
    <name>BookingRestorer</name>
    <message>
        <location filename="../../desktop/ui/booking/restore.py" line="-46"/>
        <source>The time saved in this draft is no longer open. Please pick another; everything else was restored.</source>
        <translation>El horario guardado en este borrador ya no está libre. Elija otro; todo lo demás se recuperó.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The time saved in this draft, {when}, has passed. Please pick another; everything else was restored.</source>
        <translation>El horario guardado en este borrador, {when}, ya pasó. Elija otro; todo lo demás se recuperó.</translation>
    </message>
</context>
<context>
    <name>BookingSender</name>
    <message>
        <location filename="../../desktop/ui/booking/sender.py" line="+46"/>
        <source>Still needed before booking: {items}.</source>
        <translation>Falta antes de reservar: {items}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Please check the client&apos;s details: {problem}</source>
        <translation>Revise los datos del cliente: {problem}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Booking…</source>
        <translation>Reservando…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stopped waiting for the booking. It was kept in Drafts; Frontdesk will check whether it reached the server before sending it again.</source>
        <translation>Se dejó de esperar la reserva. Quedó en Borradores; Frontdesk verificará si llegó al servidor antes de volver a enviarla.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That time was just taken by someone else. The open times have been refreshed: please pick another. Everything else is kept.</source>
        <translation>Alguien acaba de tomar ese horario. Los horarios libres se actualizaron: elija otro. Todo lo demás se conserva.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The booking was refused: {reason}</source>
        <translation>Se rechazó la reserva: {reason}</translation>
    </message>
</context>
<context>
    <name>BookingText</name>
    <message>
        <location filename="../../desktop/ui/booking/describe.py" line="+13"/>
        <source>{when} ({zone})</source>
        <translation>{when} ({zone})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>At the client&apos;s address — you will be asked for it.</source>
        <translation>En el domicilio del cliente — se le pedirá la dirección.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By phone — you will be asked for the number to call.</source>
        <translation>Por teléfono — se le pedirá el número al que llamar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By video call.</source>
        <translation>Por videollamada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minutes} minutes.</source>
        <translation>{minutes} minutos.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{service} with {staff} — {when} — for {client}.</source>
        <translation>{service} con {staff} — {when} — para {client}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>staff</source>
        <translation>el profesional</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Still needed: {items}.</source>
        <translation>Falta: {items}.</translation>
    </message>
</context>
<context>
    <name>BusyBar</name>
    <message>
        <location filename="../../desktop/ui/booking/busy_bar.py" line="+23"/>
        <source>Cancel (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../desktop/ui/day/dialogs.py" line="+52"/>
        <source>Cancel appointment</source>
        <extracomment>The platform&apos;s message field is short text; more is refused or cut.</extracomment>
        <translation>Cancelar turno</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{day} at {time}</source>
        <translation>{day} a las {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel {client}&apos;s {service}, {when}?</source>
        <translation>¿Cancelar {service} de {client}, {when}?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>appointment</source>
        <translation>turno</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The time becomes free for others. The client is told by the platform; you can add a message:</source>
        <translation>El horario queda libre para otros. La plataforma le avisa al cliente; puede agregar un mensaje:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message to the client (optional)</source>
        <translation>Mensaje para el cliente (opcional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Message to the client (optional)</source>
        <translation>&amp;Mensaje para el cliente (opcional)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel the &amp;appointment</source>
        <translation>Cancelar el &amp;turno</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep it</source>
        <translation>&amp;Conservarlo</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../../desktop/ui/booking/catalogue.py" line="+49"/>
        <source>Loading services and staff…</source>
        <extracomment>True once loaded (a page built later fills itself from it at once).</extracomment>
        <translation>Cargando servicios y profesionales…</translation>
    </message>
</context>
<context>
    <name>ClientDetails</name>
    <message>
        <location filename="../../desktop/booking/client_details.py" line="+39"/>
        <source>This service&apos;s form needs {labels} for this client before booking.</source>
        <extracomment>Field id → value taken from the record (only fields the record has a value for). Required fields the record cannot fill, in reading order: ask the receptionist.</extracomment>
        <translation>El formulario de este servicio necesita {labels} de este cliente antes de reservar.</translation>
    </message>
</context>
<context>
    <name>ClientDetailsHost</name>
    <message>
        <location filename="../../desktop/ui/booking/details_host.py" line="+123"/>
        <source>This service also needs, for {name}:</source>
        <extracomment>A details form is on screen (a reopened draft&apos;s answers go in then). Today on the app&apos;s clock, for the forms&apos; date fields.</extracomment>
        <translation>Este servicio también necesita, para {name}:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The service&apos;s booking form is not loaded yet.</source>
        <translation>El formulario de reserva del servicio todavía no se cargó.</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <location filename="../../desktop/ui/booking/client_picker.py" line="+43"/>
        <source>Find a client</source>
        <extracomment>Wait this long after the last key press before searching, so typing stays smooth.</extracomment>
        <translation>Buscar un cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a client by name, e-mail or phone (Ctrl+F)</source>
        <translation>Buscar un cliente por nombre, correo o teléfono (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New client</source>
        <translation>Cliente &amp;nuevo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New client</source>
        <translation>Cliente nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in a new client&apos;s details (Ctrl+N)</source>
        <translation>Completar los datos de un cliente nuevo (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Matching clients</source>
        <translation>Clientes encontrados</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Details the service needs</source>
        <extracomment>What the service&apos;s form still needs for the chosen client (hidden when nothing).</extracomment>
        <translation>Datos que necesita el servicio</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New client&apos;s details</source>
        <translation>Datos del cliente nuevo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back to client search</source>
        <translation>Volver a la búsqueda de clientes</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n found. Pick one with the arrow keys.</source>
        <translation>
            <numerusform>%n encontrado. Elíjalo con las flechas.</numerusform>
            <numerusform>%n encontrados. Elija uno con las flechas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No client matches “{term}”. Use New client to add one.</source>
        <translation>Ningún cliente coincide con “{term}”. Use Cliente nuevo para agregarlo.</translation>
    </message>
</context>
<context>
    <name>ConfirmationPanel</name>
    <message>
        <location filename="../../desktop/ui/booking/confirmation.py" line="+42"/>
        <source>Client:</source>
        <extracomment>An event registration (else an appointment).</extracomment>
        <translation>Cliente:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service:</source>
        <translation>Servicio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With:</source>
        <translation>Con:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When:</source>
        <translation>Cuándo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking number:</source>
        <translation>Número de reserva:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the confirmation</source>
        <translation>Cerrar la confirmación</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>✔ Registration booked</source>
        <translation>✔ Inscripción reservada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✔ Appointment booked</source>
        <translation>✔ Turno reservado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration booked for {client}, {service}, {when}</source>
        <translation>Inscripción reservada para {client}, {service}, {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment booked for {client}, {service}, {when}</source>
        <translation>Turno reservado para {client}, {service}, {when}</translation>
    </message>
</context>
<context>
    <name>DayActions</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/day/actions.py" line="+98"/>
        <source>%n marked as no-show</source>
        <extracomment>Store work of the day&apos;s actions: never cancelled by Esc (a write either happens or not). Held this much longer than Undo is offered, so nothing is sent while Undo still shows. Pending operations are re-read this long after the last change the outbox reported.</extracomment>
        <translation>
            <numerusform>%n marcado como ausente</numerusform>
            <numerusform>%n marcados como ausentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n marked as arrived / done</source>
        <translation>
            <numerusform>%n marcado como presente / atendido</numerusform>
            <numerusform>%n marcados como presentes / atendidos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} marked as no-show</source>
        <translation>{name} marcado como ausente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} marked as arrived / done</source>
        <translation>{name} marcado como presente / atendido</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n request(s) accepted</source>
        <translation>
            <numerusform>%n solicitud aceptada</numerusform>
            <numerusform>%n solicitudes aceptadas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name}&apos;s {time} appointment cancelled</source>
        <translation>Turno de {name} de las {time} cancelado</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The new time could not be kept</source>
        <translation>No se pudo guardar el nuevo horario</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} moved to {staff}</source>
        <translation>{name} pasado a {staff}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} moved</source>
        <translation>{name} reprogramado</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open the day of that appointment first, then choose Pick another time again.</source>
        <translation>Abra primero el día de ese turno y luego vuelva a elegir Elegir otro horario.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That change could not be read</source>
        <translation>No se pudo leer ese cambio</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The drafts could not be counted</source>
        <translation>No se pudieron contar los borradores</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The change could not be saved</source>
        <translation>No se pudo guardar el cambio</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Too late to undo: it is being sent</source>
        <translation>Demasiado tarde para deshacer: se está enviando</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The change could not be sent</source>
        <translation>No se pudo enviar el cambio</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The outbox could not be read</source>
        <translation>No se pudo leer la bandeja de salida</translation>
    </message>
</context>
<context>
    <name>DayEntry</name>
    <message>
        <location filename="../../desktop/ui/day/entries.py" line="+17"/>
        <source>Booked</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for acceptance</source>
        <translation>Por aceptar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Atendido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>(no client name)</source>
        <extracomment>What the entry will be once it is sent (shown now). &quot;cancelling…&quot;, &quot;moving to 15:30…&quot;, or why it waits (&quot;time taken: decide in Drafts&quot;). The platform refused it or it needs a decision in the Drafts panel. A move to another time: the new start shown in place of the old.</extracomment>
        <translation>(sin nombre de cliente)</translation>
    </message>
</context>
<context>
    <name>DayLoader</name>
    <message>
        <location filename="../../desktop/ui/day/loader.py" line="+71"/>
        <source>Loading the day…</source>
        <extracomment>Refresh this often while the window is used (a booking made elsewhere shows within 30 s). While the API cannot be reached, wait longer between tries, up to this.</extracomment>
        <translation>Cargando el día…</translation>
    </message>
</context>
<context>
    <name>DayPage</name>
    <message>
        <location filename="../../desktop/ui/day/page.py" line="+85"/>
        <location line="+67"/>
        <source>Loading the day…</source>
        <translation>Cargando el día…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The day could not be loaded: {reason}</source>
        <translation>No se pudo cargar el día: {reason}</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Others</source>
        <translation>Otros</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No appointments on this day.</source>
        <translation>No hay turnos este día.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No appointments for them today.</source>
        <translation>No tiene turnos ese día.</translation>
    </message>
</context>
<context>
    <name>DayToolbar</name>
    <message>
        <location filename="../../desktop/ui/day/toolbar.py" line="+25"/>
        <source>◀ &amp;Previous</source>
        <translation>◀ An&amp;terior</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous day</source>
        <translation>Día anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous day (Alt+Left)</source>
        <translation>Día anterior (Alt+Izquierda)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ext ▶</source>
        <translation>Si&amp;guiente ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next day</source>
        <translation>Día siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next day (Alt+Right)</source>
        <translation>Día siguiente (Alt+Derecha)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Day shown</source>
        <translation>Día mostrado</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show the appointments of</source>
        <translation>Mostrar los turnos de</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Today, {day}</source>
        <translation>Hoy, {day}</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n booked</source>
        <translation>
            <numerusform>%n reservado</numerusform>
            <numerusform>%n reservados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n arrived or done</source>
        <translation>
            <numerusform>%n presente o atendido</numerusform>
            <numerusform>%n presentes o atendidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n no-show(s)</source>
        <translation>
            <numerusform>%n ausente</numerusform>
            <numerusform>%n ausentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelado</numerusform>
            <numerusform>%n cancelados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n waiting for acceptance</source>
        <translation>
            <numerusform>%n espera aceptación</numerusform>
            <numerusform>%n esperan aceptación</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>free time left: {hours} h {minutes} min</source>
        <translation>tiempo libre: {hours} h {minutes} min</translation>
    </message>
</context>
<context>
    <name>DemoMenu</name>
    <message>
        <location filename="../../desktop/ui/demo_menu.py" line="+22"/>
        <source>&amp;Sandbox</source>
        <translation>Entorno de &amp;pruebas</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Go offline (refuse connections)</source>
        <translation>Sin conexión (rechazar conexiones)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slow network (2 s per answer)</source>
        <translation>Red lenta (2 s por respuesta)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server trouble (half the answers are 503)</source>
        <translation>Problemas en el servidor (la mitad de las respuestas son 503)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pick a time first; then this books it for someone else, as another desk might.</source>
        <translation>Elija primero un horario; esto lo reserva para otra persona, como podría hacerlo otra recepción.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another desk just booked the time you picked. Press Book to see what happens.</source>
        <translation>Otra recepción acaba de reservar el horario que eligió. Presione Reservar para ver qué pasa.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sandbox now refuses the token: the next call asks you to sign in again. A fresh token is on the clipboard; paste it into the sign-in window.</source>
        <translation>El entorno de pruebas ahora rechaza el token: la próxima consulta le pedirá iniciar sesión de nuevo. Hay un token nuevo en el portapapeles; péguelo en la ventana de inicio de sesión.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Another desk just booked {who}; watch the Day view pick it up.</source>
        <translation>Otra recepción acaba de reservar para {who}; mire cómo aparece en la vista Día.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another desk just cancelled {who}; watch the Day view pick it up.</source>
        <translation>Otra recepción acaba de cancelar el turno de {who}; mire cómo se actualiza la vista Día.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a client</source>
        <translation>un cliente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another desk books now</source>
        <translation>Otra recepción reserva ahora</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another desk cancels now</source>
        <translation>Otra recepción cancela ahora</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Someone else takes the chosen time</source>
        <translation>Otra persona toma el horario elegido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expire the staff token</source>
        <translation>Hacer vencer el token del personal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset the sandbox</source>
        <translation>Reiniciar el entorno de pruebas</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../desktop/ui/day/details.py" line="+51"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Other upcoming appointments</source>
        <translation>Otros turnos próximos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other upcoming appointments of the client</source>
        <translation>Otros turnos próximos del cliente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Arrived / done</source>
        <translation>&amp;Llegó / atendido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;No-show</source>
        <translation>Ause&amp;nte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel…</source>
        <translation>&amp;Cancelar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reschedule…</source>
        <translation>&amp;Reprogramar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Book a&amp;gain</source>
        <translation>Reservar &amp;otra vez</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acce&amp;pt request</source>
        <translation>Aceptar &amp;solicitud</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Choose an appointment to see it here.</source>
        <translation>Elija un turno para verlo aquí.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n appointment(s) selected</source>
        <translation>
            <numerusform>%n turno seleccionado</numerusform>
            <numerusform>%n turnos seleccionados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{day}, {time} — {what}</source>
        <translation>{day}, {time} — {what}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None booked.</source>
        <translation>Ninguno reservado.</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <location filename="../../desktop/ui/drafts/coordinator.py" line="+57"/>
        <source>Saved — will be sent when back online.</source>
        <extracomment>Autosave this long after the last change: a crash loses at most about a second of typing.</extracomment>
        <translation>Guardado — se enviará cuando vuelva la conexión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not confirm the booking. It was kept in Drafts: Frontdesk will check whether it was booked before it ever sends it again.</source>
        <translation>El servidor no confirmó la reserva. Quedó en Borradores: Frontdesk verificará si se reservó antes de volver a enviarla.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved as a draft. Find it under View → Drafts.</source>
        <translation>Guardado como borrador. Lo encuentra en Ver → Borradores.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frontdesk stopped waiting for the server. The booking may or may not have been made; it will be looked up before any re-send.</source>
        <translation>Frontdesk dejó de esperar al servidor. Puede que la reserva se haya hecho o no; se verificará antes de cualquier reenvío.</translation>
    </message>
</context>
<context>
    <name>DraftsCoordinator</name>
    <message>
        <location line="+49"/>
        <source>The folder {folder} cannot be created or written ({reason}).</source>
        <extracomment>How many sends are in doubt (answer lost), waiting for their look-up. The draft on screen (reopened, or saved with Ctrl+S): saving again updates it, booking it replaces it. The drafts file could not be opened at start: these drafts live only until exit.</extracomment>
        <translation>No se puede crear la carpeta {folder} ni escribir en ella ({reason}).</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>The draft could not be saved. Nothing was lost from the form; try again.</source>
        <translation>No se pudo guardar el borrador. No se perdió nada del formulario; vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{client} will be put on the waitlist of {service}, {time}. It is sent now, or as soon as the network is back.</source>
        <translation>{client} quedará anotado en la lista de espera de {service}, {time}. Se envía ahora, o en cuanto vuelva la red.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Draft reopened. Fix what is needed (for example pick another time), then Book, or save it again with Ctrl+S.</source>
        <translation>Borrador abierto. Corrija lo necesario (por ejemplo, elija otro horario) y luego Reservar, o vuelva a guardarlo con Ctrl+S.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{time} on {day}</source>
        <translation>{time} del {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a client</source>
        <translation>un cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frontdesk closed before a booking for {who} was finished (last change at {when}). Restore it?</source>
        <translation>Frontdesk se cerró antes de terminar una reserva para {who} (último cambio: {when}). ¿Recuperarla?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore unfinished booking?</source>
        <translation>¿Recuperar la reserva sin terminar?</translation>
    </message>
</context>
<context>
    <name>DraftsPanel</name>
    <message>
        <location filename="../../desktop/ui/drafts/panel.py" line="+119"/>
        <source>What</source>
        <extracomment>Row tints: one that needs a person must stand out from the calm ones (the status column also says it in words, in bold). (draft id, SavedBooking): the booking window loads it back to fix. A reschedule or move whose time was taken: the day view offers a new time (then ``store.change_time(op_id, start)``). Emitted after every refresh landed on screen (tests and the status bar listen).</extracomment>
        <translation>Qué</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last problem</source>
        <translation>Último problema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drafts and changes waiting to be sent</source>
        <translation>Borradores y cambios pendientes de envío</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+131"/>
        <source>Send now</source>
        <translation>Enviar ahora</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Pick another time</source>
        <translation>Elegir otro horario</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+150"/>
        <source>Drop</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>Remove the selected line without sending it</source>
        <translation>Quitar la línea elegida sin enviarla</translation>
    </message>
    <message numerus="yes">
        <location line="+80"/>
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n por enviar</numerusform>
            <numerusform>%n por enviar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{waiting} · {attention}</source>
        <translation>{waiting} · {attention}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n needs attention</source>
        <translation>
            <numerusform>%n requiere atención</numerusform>
            <numerusform>%n requieren atención</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>this client</source>
        <translation>este cliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove “{what}” from this list? What was done stays in the calendar.</source>
        <translation>¿Quitar “{what}” de esta lista? Lo que se hizo queda en la agenda.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete the draft for {who}, {when}? It cannot be undone.</source>
        <translation>¿Eliminar el borrador para {who}, {when}? No se puede deshacer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the draft for {who}? It cannot be undone.</source>
        <translation>¿Eliminar el borrador para {who}? No se puede deshacer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop “{what}”? It will not be sent; the booking stays as the calendar has it.</source>
        <translation>¿Descartar “{what}”? No se enviará; la reserva queda como está en la agenda.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sending “{what}”…</source>
        <translation>Enviando “{what}”…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>It will be sent as soon as the booking service answers.</source>
        <translation>Se enviará en cuanto responda el servicio de reservas.</translation>
    </message>
</context>
<context>
    <name>EventPicker</name>
    <message>
        <location filename="../../desktop/ui/booking/event_picker.py" line="+29"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Spots open</source>
        <translation>Lugares libres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Event sessions</source>
        <translation>Sesiones del evento</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose an event to see its sessions.</source>
        <translation>Elija un evento para ver sus sesiones.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading sessions…</source>
        <translation>Cargando sesiones…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{open} of {total}</source>
        <translation>{open} de {total}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full ({total})</source>
        <translation>Completa ({total})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No upcoming sessions in the next weeks.</source>
        <translation>No hay sesiones en las próximas semanas.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{sessions}, {full} full</source>
        <translation>{sessions}, {full} completas</translation>
    </message>
</context>
<context>
    <name>ExpiryWording</name>
    <message>
        <location filename="../../desktop/ui/sign_in/expiry.py" line="+21"/>
        <source>Your sign-in has expired. Sign in again with a new staff token.</source>
        <translation>Su sesión venció. Vuelva a iniciar sesión con un token del personal nuevo.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>about %n hour(s)</source>
        <translation>
            <numerusform>alrededor de %n hora</numerusform>
            <numerusform>alrededor de %n horas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your sign-in expires in {duration} (at {time} on {day}). Get a new staff token before then.</source>
        <translation>Su sesión vence en {duration} (a las {time} del {day}). Consiga un token del personal nuevo antes de esa hora.</translation>
    </message>
</context>
<context>
    <name>FormDefinition</name>
    <message>
        <location filename="../../desktop/forms/definition.py" line="+67"/>
        <source>the definition is empty</source>
        <extracomment>The section type whose multiline text is sent as ``others.notes``.</extracomment>
        <translation>la definición está vacía</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This service&apos;s booking form could not be read: {problem}.</source>
        <translation>No se pudo leer el formulario de reserva de este servicio: {problem}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This service&apos;s booking form could not be read: {problem} (and 1 more problem).</source>
        <translation>No se pudo leer el formulario de reserva de este servicio: {problem} (y 1 problema más).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This service&apos;s booking form could not be read: {problem} (and {more} more problems).</source>
        <translation>No se pudo leer el formulario de reserva de este servicio: {problem} (y {more} problemas más).</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>the answer is not a form definition</source>
        <extracomment>The type exactly as the definition spells it (sent back as ``form_data.fields[].type``). The canonical API type used to pick a widget and rules (``first_name`` → ``firstname``); for an unknown type, the type itself, lower-cased. The policy text (the definition puts it in ``default_value``); empty for other types. The ``type`` of the section holding the field (``message_info`` marks the notes). Sentences about what could not be shown as intended (unknown types).</extracomment>
        <translation>la respuesta no es la definición de un formulario</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it has no sections</source>
        <translation>no tiene secciones</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>section {number} is not a section</source>
        <translation>la sección {number} no es una sección</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>section &quot;{title}&quot;</source>
        <translation>la sección &quot;{title}&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>section {number}</source>
        <translation>la sección {number}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the fields of {section} are not a list</source>
        <translation>los campos de {section} no son una lista</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>field {number} in {section}</source>
        <translation>el campo {number} de {section}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} is not a field</source>
        <translation>{field} no es un campo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{field} has no id</source>
        <translation>{field} no tiene id</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} has the id &quot;{id}&quot;, already used by {other}</source>
        <translation>{field} tiene el id &quot;{id}&quot;, que ya usa {other}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The field &quot;{label}&quot; has a type Frontdesk does not know ({type}); it is shown as a text line.</source>
        <translation>El campo &quot;{label}&quot; es de un tipo que Frontdesk no conoce ({type}); se muestra como una línea de texto.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the choices of the list &quot;{label}&quot; ({field}) are not a list</source>
        <translation>las opciones de la lista &quot;{label}&quot; ({field}) no son una lista</translation>
    </message>
</context>
<context>
    <name>FormDefinitions</name>
    <message>
        <location filename="../../desktop/ui/booking/definitions.py" line="+53"/>
        <source>Loading the booking form…</source>
        <translation>Cargando el formulario de reserva…</translation>
    </message>
</context>
<context>
    <name>FormEditors</name>
    <message>
        <location filename="../../desktop/ui/form/editors.py" line="+33"/>
        <source>Choose…</source>
        <extracomment>Policies longer than this are shown in a scrollable box instead of a label. Shown as ``translate(&quot;FormEditors&quot;, ...)``.</extracomment>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/date_edit.py" line="+22"/>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/editors.py" line="+164"/>
        <source>Press Delete to leave the date empty.</source>
        <extracomment>Checkboxes carry their label in their own text; the form puts no label above them. Check the format (email, phone) when the receptionist leaves the field.</extracomment>
        <translation>Presione Supr para dejar la fecha vacía.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>(The business gave no text for this policy.)</source>
        <translation>(El negocio no cargó el texto de esta política.)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{label}: text of the policy</source>
        <translation>{label}: texto de la política</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>I agree</source>
        <translation>Acepto</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Files can&apos;t be uploaded from the front desk: note what the client will bring or send.</source>
        <translation>Desde recepción no se pueden subir archivos: anote lo que el cliente traerá o enviará.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Frontdesk does not know this type of field ({type}): typed as text.</source>
        <translation>Frontdesk no conoce este tipo de campo ({type}): se escribe como texto.</translation>
    </message>
</context>
<context>
    <name>FormErrorView</name>
    <message>
        <location filename="../../desktop/ui/form/error_view.py" line="+21"/>
        <source>This booking form could not be shown</source>
        <translation>No se puede mostrar este formulario de reserva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book for an existing client, or ask the business to check its scheduling form.</source>
        <translation>Reserve para un cliente existente, o pídale al negocio que revise su formulario de reservas.</translation>
    </message>
</context>
<context>
    <name>FormLabels</name>
    <message>
        <location filename="../../desktop/forms/definition.py" line="-236"/>
        <source>Email</source>
        <extracomment>Every field type named in API.md, spelled as the API spells it. Types shown as a list of choices when the definition gives them ``options``. A label to show when the definition gives none, for types where one is obvious (English; shown as ``translate(&quot;FormLabels&quot;, label)``).</extracomment>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nombre y apellido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opt in</source>
        <translation>Acepta comunicaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy</source>
        <translation>Política</translation>
    </message>
</context>
<context>
    <name>FormValues</name>
    <message>
        <location filename="../../desktop/forms/values.py" line="+28"/>
        <source>Client&apos;s address</source>
        <extracomment>The key of the meeting-details field in problems and in the widget&apos;s objectName. English; shown through :func:`meeting_label`.</extracomment>
        <translation>Dirección del cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone number for the call</source>
        <translation>Número de teléfono para la llamada</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>The client must accept &quot;{label}&quot; to book.</source>
        <translation>El cliente debe aceptar &quot;{label}&quot; para reservar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please tick &quot;{label}&quot;.</source>
        <translation>Marque &quot;{label}&quot;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{label} is not a valid date.</source>
        <translation>{label} no es una fecha válida.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please pick a date for {label}.</source>
        <translation>Elija una fecha para {label}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{label} must be one of the listed choices.</source>
        <translation>{label} debe ser una de las opciones de la lista.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please choose an option for {label}.</source>
        <translation>Elija una opción para {label}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label} is required.</source>
        <translation>{label} es obligatorio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{label} does not look like an email address (for example ann@example.com).</source>
        <translation>{label} no parece una dirección de correo (por ejemplo, ana@ejemplo.com).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label} does not look like a phone number (7 to 15 digits).</source>
        <translation>{label} no parece un número de teléfono (de 7 a 15 dígitos).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Please enter the client&apos;s address.</source>
        <translation>Ingrese la dirección del cliente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please enter the phone number to call.</source>
        <translation>Ingrese el número de teléfono al que llamar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The phone number for the call does not look like a phone number (7 to 15 digits).</source>
        <translation>El número para la llamada no parece un número de teléfono (de 7 a 15 dígitos).</translation>
    </message>
</context>
<context>
    <name>GeneratedForm</name>
    <message>
        <location filename="../../desktop/ui/form/rows.py" line="+48"/>
        <source>Required</source>
        <extracomment>Rows of up to 6 fields share columns exactly (lcm of 1..6 is 60); odder rows get close. Fields built before the constructor returns: more than a screenful, and all of any usual form. Longer forms build the rest in batches while the event loop is idle (one batch per turn, a few ms each), so the first screen is usable at once.</extracomment>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>Street, number, city</source>
        <extracomment>Where the date fields start from empty: today on the app&apos;s clock.</extracomment>
        <translation>Calle, número, ciudad</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/generated_form.py" line="+111"/>
        <source>Booking form</source>
        <extracomment>Today on the app&apos;s clock (``date_edit.clock_today``): date fields start there. Where each field&apos;s error label goes: (row grid, grid row, grid column). Rows (and the meeting line) not built yet, in reading order. Next free grid line of each section&apos;s grid. Raw values of fields whose widgets do not exist yet (as given to set_value).</extracomment>
        <translation>Formulario de reserva</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+70"/>
        <source>Frontdesk — {business} (demo)</source>
        <extracomment>A call of any page (or the outbox) was refused with 401; carries a retry callable.</extracomment>
        <translation>Frontdesk — {business} (demo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frontdesk — {business}</source>
        <translation>Frontdesk — {business}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Business time zone: {zone}</source>
        <translation>Zona horaria del negocio: {zone}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>DEMO — sandbox data, nothing is really booked</source>
        <translation>DEMO — datos de prueba, no se reserva nada de verdad</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day  (Ctrl+1)</source>
        <translation>Día  (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Book  (Ctrl+2)</source>
        <extracomment>Where Preferences are kept (None: the user&apos;s settings file).</extracomment>
        <translation>Reservar  (Ctrl+2)</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>The day&apos;s schedule: arrivals, no-shows, cancellations and reschedules</source>
        <translation>La agenda del día: llegadas, ausencias, cancelaciones y reprogramaciones</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Book an appointment or an event registration</source>
        <translation>Reservar un turno o una inscripción a un evento</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as &amp;draft</source>
        <translation>Guardar como &amp;borrador</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Booking</source>
        <translation>R&amp;eservas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find client</source>
        <translation>&amp;Buscar cliente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New client</source>
        <translation>Cliente &amp;nuevo</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>&amp;Book</source>
        <translation>&amp;Reservar</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>&amp;Stop waiting</source>
        <translation>&amp;Dejar de esperar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Day</source>
        <translation>&amp;Día</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Drafts</source>
        <translation>&amp;Borradores</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Frontdesk</source>
        <translation>&amp;Acerca de Frontdesk</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Preferences saved: they apply the next time Frontdesk starts.</source>
        <translation>Preferencias guardadas: se aplican la próxima vez que se inicie Frontdesk.</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../../desktop/ui/booking/message_banner.py" line="+28"/>
        <location line="+1"/>
        <source>Dismiss message</source>
        <translation>Cerrar el mensaje</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/ui/messages.py" line="+18"/>
        <source>Something unexpected went wrong. Nothing you typed was lost; please try again, and if it keeps happening, tell your administrator.</source>
        <translation>Ocurrió un error inesperado. No se perdió nada de lo que escribió; vuelva a intentarlo y, si sigue pasando, avísele a su administrador.</translation>
    </message>
</context>
<context>
    <name>NewClientFormHost</name>
    <message>
        <location filename="../../desktop/ui/booking/form_host.py" line="+62"/>
        <source>Choose a service first: the new-client form depends on it.</source>
        <extracomment>Today on the app&apos;s clock, for the forms&apos; date fields. The service whose form is wanted on screen (answers for others are only cached).</extracomment>
        <translation>Elija primero un servicio: el formulario de cliente nuevo depende de él.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Loading the new-client form…</source>
        <translation>Cargando el formulario de cliente nuevo…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The new-client form is not available.</source>
        <translation>El formulario de cliente nuevo no está disponible.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <location filename="../../desktop/outbox/db.py" line="+72"/>
        <source>The draft could not be saved because the drafts file is read-only. Nothing was lost from the form; ask for write access to the drafts folder.</source>
        <extracomment>How long a writer waits for another process holding the file (a second app instance).</extracomment>
        <translation>No se pudo guardar el borrador porque el archivo de borradores es de solo lectura. No se perdió nada del formulario; pida permiso de escritura en la carpeta de borradores.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The draft could not be saved because another program kept the drafts file busy. Nothing was lost from the form; press Save again.</source>
        <translation>No se pudo guardar el borrador porque otro programa tenía ocupado el archivo de borradores. No se perdió nada del formulario; presione Guardar otra vez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The draft could not be saved ({error}). Nothing was lost from the form; press Save again, and restart Frontdesk if it keeps failing.</source>
        <translation>No se pudo guardar el borrador ({error}). No se perdió nada del formulario; presione Guardar otra vez y reinicie Frontdesk si sigue fallando.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file was left untouched; the drafts in it are kept.</source>
        <translation>No se tocó el archivo; los borradores que contiene se conservan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The drafts file {path} is locked by another program (or another Frontdesk), so it cannot be opened now. Close the other program and start Frontdesk again.</source>
        <translation>Otro programa (u otro Frontdesk) tiene bloqueado el archivo de borradores {path}, así que no se puede abrir ahora. Cierre el otro programa y vuelva a iniciar Frontdesk.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The drafts file {path} is read-only, so Frontdesk cannot keep drafts in it. Ask for write access to it.</source>
        <translation>El archivo de borradores {path} es de solo lectura, así que Frontdesk no puede guardar borradores en él. Pida permiso de escritura.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The drafts file {path} cannot be opened: the computer refused access to it. Check that this account may read and write it.</source>
        <translation>No se puede abrir el archivo de borradores {path}: la computadora negó el acceso. Verifique que esta cuenta pueda leerlo y escribirlo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The drafts file {path} could not be opened ({error}).</source>
        <translation>No se pudo abrir el archivo de borradores {path} ({error}).</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Drafts cannot be kept because the disk holding {folder} is full. Free some space and start Frontdesk again.</source>
        <extracomment>A sentence for the UI when a damaged file was set aside at open, else None.</extracomment>
        <translation>No se pueden guardar borradores porque el disco de {folder} está lleno. Libere espacio y vuelva a iniciar Frontdesk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drafts cannot be kept because the folder {folder} is read-only or cannot be written. Ask for write access to it, or start Frontdesk with another data folder.</source>
        <translation>No se pueden guardar borradores porque la carpeta {folder} es de solo lectura o no se puede escribir. Pida permiso de escritura o inicie Frontdesk con otra carpeta de datos.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The drafts file was damaged, so it was moved aside to {aside} and Frontdesk started with an empty list of drafts. Keep that file: support can try to recover the drafts in it.</source>
        <translation>El archivo de borradores estaba dañado, así que se movió a {aside} y Frontdesk empezó con una lista de borradores vacía. Conserve ese archivo: soporte puede intentar recuperar sus borradores.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The drafts file {path} was written by a newer Frontdesk. Update Frontdesk to open it; it was left untouched.</source>
        <translation>El archivo de borradores {path} lo escribió un Frontdesk más nuevo. Actualice Frontdesk para abrirlo; no se tocó.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The drafts could not be read ({error}). Restart Frontdesk; if it keeps happening, the drafts file may be damaged.</source>
        <translation>No se pudieron leer los borradores ({error}). Reinicie Frontdesk; si sigue pasando, el archivo de borradores puede estar dañado.</translation>
    </message>
    <message>
        <location filename="../../desktop/outbox/errors.py" line="+16"/>
        <source>The draft could not be saved because the disk is full. Nothing was lost from the form; free some space and press Save again.</source>
        <translation>No se pudo guardar el borrador porque el disco está lleno. No se perdió nada del formulario; libere espacio y presione Guardar otra vez.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Sign in again to send drafts.</source>
        <extracomment>Another program (or another Frontdesk) holds a lock on it for too long. The operating system refused to open it (permissions, a folder in its place). Its folder cannot be created or written (read-only disk, missing share). The file or its folder is read-only. The disk is full. Written by a newer Frontdesk: this version cannot read it. Anything else SQLite refused with (an I/O error of the disk, ...).</extracomment>
        <translation>Vuelva a iniciar sesión para enviar los borradores.</translation>
    </message>
    <message>
        <location filename="../../desktop/outbox/kinds.py" line="+93"/>
        <source>The booking service no longer knows this booking (it may have been deleted elsewhere). Drop this, or try again if it should still be there.</source>
        <extracomment>Called by a move once its new booking exists, before the old one is cancelled.</extracomment>
        <translation>El servicio de reservas ya no tiene esta reserva (puede que se haya eliminado en otro lugar). Descarte esto, o reintente si debería seguir existiendo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This booking was already cancelled elsewhere, so this change was not made. Drop it, or book the client again.</source>
        <translation>Esta reserva ya se canceló en otro lugar, así que este cambio no se hizo. Descártelo, o vuelva a reservar para el cliente.</translation>
    </message>
    <message>
        <location line="+43"/>
        <location filename="../../desktop/outbox/store.py" line="+236"/>
        <source>This draft is not complete enough to send (a time or a client may be missing). Open it, finish it and book it.</source>
        <extracomment>States in which the change can no longer be made (someone else ended the booking).</extracomment>
        <translation>Este borrador no está lo bastante completo para enviarlo (puede faltar un horario o un cliente). Ábralo, termínelo y reserve.</translation>
    </message>
    <message>
        <location filename="../../desktop/outbox/policy.py" line="+79"/>
        <source>This was already done, so it cannot be sent again.</source>
        <extracomment>``sending`` only from ``queued``; nothing after ``sent``. Statuses whose content may be edited. Not ``sending`` (it may be on the wire) nor ``sent``. A ``sending`` operation may already be done: dropping it would hide that from the desk. Not settled: a later operation on the same booking waits while an earlier one is in here. Waiting to be sent (the status bar&apos;s &quot;waiting&quot;) and waiting for a person.</extracomment>
        <translation>Esto ya se hizo, así que no se puede volver a enviar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a draft waiting in the outbox can be sent; queue it first.</source>
        <translation>Solo se puede enviar un borrador que espera en la bandeja de salida; póngalo en cola primero.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is being sent right now; wait until it is finished.</source>
        <translation>Esto se está enviando ahora; espere a que termine.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A draft that is {current} cannot become {wanted}.</source>
        <translation>Un borrador en estado {current} no puede pasar a {wanted}.</translation>
    </message>
    <message>
        <location filename="../../desktop/outbox/sending.py" line="+233"/>
        <source>The new booking was made, but the old one could not be cancelled: {reason}</source>
        <extracomment>op id -&gt; monotonic moment before which it is not looked up (set here, so a wall clock set back cannot shorten the grace of what this engine put in doubt).</extracomment>
        <translation>Se hizo la reserva nueva, pero no se pudo cancelar la anterior: {reason}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Frontdesk could not yet check whether this went through ({error}). It will check again before sending anything.</source>
        <translation>Frontdesk todavía no pudo verificar si esto se realizó ({error}). Lo volverá a verificar antes de enviar nada.</translation>
    </message>
    <message>
        <location filename="../../desktop/outbox/store.py" line="-180"/>
        <source>That draft no longer exists; it may have been deleted.</source>
        <translation>Ese borrador ya no existe; puede que se haya eliminado.</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Only a booking draft can be opened and changed.</source>
        <translation>Solo se puede abrir y cambiar un borrador de reserva.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Only a reschedule or a move that has not happened yet can be given another time.</source>
        <translation>Solo se le puede dar otro horario a una reprogramación o a un cambio de profesional que todavía no se hizo.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This is being sent or was already sent, so it can no longer be changed.</source>
        <translation>Esto se está enviando o ya se envió, así que ya no se puede cambiar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its last send may have reached the server; wait until Frontdesk has checked whether it went through before changing it.</source>
        <translation>Su último envío puede haber llegado al servidor; espere a que Frontdesk verifique si se realizó antes de cambiarlo.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>This is being sent right now; it can be dropped once Frontdesk knows whether it went through.</source>
        <translation>Esto se está enviando ahora; se podrá descartar cuando Frontdesk sepa si se realizó.</translation>
    </message>
    <message>
        <location filename="../../desktop/outbox/wording.py" line="+55"/>
        <source>Book {when} {who}</source>
        <translation>Reservar {when} {who}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel {when} {who}</source>
        <translation>Cancelar {when} {who}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No-show {when} {who}</source>
        <translation>Ausente {when} {who}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completed {when} {who}</source>
        <translation>Atendido {when} {who}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reschedule {when} {who} to {target}</source>
        <translation>Reprogramar {when} {who} a las {target}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move {when} {who} to {target} with {staff}</source>
        <translation>Pasar {when} {who} a las {target} con {staff}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move {when} {who} to {target}</source>
        <translation>Pasar {when} {who} a las {target}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept {when} {who}</source>
        <translation>Aceptar {when} {who}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waitlist {who}</source>
        <translation>Lista de espera: {who}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to send</source>
        <translation>Por enviar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>time taken: pick another or drop</source>
        <translation>horario ocupado: elija otro o descarte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already cancelled elsewhere: drop it</source>
        <translation>ya cancelado en otro lugar: descártelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>booking no longer exists: drop it</source>
        <translation>la reserva ya no existe: descártela</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not allowed for this account</source>
        <translation>esta cuenta no tiene permiso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>details to fix: open it</source>
        <translation>hay datos que corregir: ábralo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not finished: open it</source>
        <translation>sin terminar: ábralo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new booking made, old one still there</source>
        <translation>reserva nueva hecha, la anterior sigue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused: try again or drop</source>
        <translation>rechazado: reintente o descarte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected problem: try again</source>
        <translation>problema inesperado: reintente</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>In the past: open it to pick another time</source>
        <translation>Ya pasó: ábralo para elegir otro horario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the past: the session has begun, drop it</source>
        <translation>Ya pasó: la sesión ya empezó, descártelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the past: pick another time or drop</source>
        <translation>Ya pasó: elija otro horario o descarte</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{action} — {state}</source>
        <translation>{action} — {state}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>needs attention</source>
        <translation>requiere atención</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelling…</source>
        <translation>cancelando…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no-show…</source>
        <translation>ausente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>completing…</source>
        <translation>marcando atendido…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>moving to {target}…</source>
        <translation>pasando a las {target}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>joining the waitlist…</source>
        <translation>anotando en la lista de espera…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accepting…</source>
        <translation>aceptando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>booking…</source>
        <translation>reservando…</translation>
    </message>
</context>
<context>
    <name>OutboxTrouble</name>
    <message>
        <location filename="../../desktop/ui/outbox_trouble.py" line="+30"/>
        <source>Offline drafts unavailable</source>
        <translation>Borradores sin conexión no disponibles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frontdesk cannot open its offline drafts file.</source>
        <translation>Frontdesk no puede abrir su archivo de borradores sin conexión.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{reason}

You can quit and fix this first, or work on now: bookings are made as usual, and anything that has to wait for the network is kept only until Frontdesk closes.</source>
        <translation>{reason}

Puede salir y resolverlo primero, o seguir trabajando ahora: las reservas se hacen como siempre, y lo que tenga que esperar a la red se guarda solo hasta que se cierre Frontdesk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Work without saved drafts</source>
        <translation>&amp;Trabajar sin borradores guardados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../desktop/outcomes.py" line="+77"/>
        <source>The booking</source>
        <extracomment>Nothing reached the server (offline, refused, 429): send again later, no look-up. It may have reached the server: look the result up (after the grace) before any resend. 401: the sign-in expired. Pause sending until someone signs in again. 403: this account may not do this. Say which action; never pause, never ask to sign in. The server named fields to fix (``field_errors``). The time is taken: pick another (the rest is kept). Refused for good (not found, already registered, full, other refusals): a person decides. The server could not be reached at all (the status bar says &quot;Offline&quot;).</extracomment>
        <translation>La reserva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cancellation</source>
        <translation>La cancelación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marking the visit</source>
        <translation>Marcar la visita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new time</source>
        <translation>El nuevo horario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The move to another staff member</source>
        <translation>El cambio a otro profesional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joining the waitlist</source>
        <translation>Anotar en la lista de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepting the request</source>
        <translation>Aceptar la solicitud</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That</source>
        <translation>Eso</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>make bookings</source>
        <translation>hacer reservas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancel bookings</source>
        <translation>cancelar reservas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mark visits completed or no-show</source>
        <translation>marcar visitas como atendidas o ausentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reschedule bookings</source>
        <translation>reprogramar reservas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>move bookings</source>
        <translation>pasar reservas a otro profesional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>put clients on a waitlist</source>
        <translation>anotar clientes en una lista de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accept booking requests</source>
        <translation>aceptar solicitudes de reserva</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>do this</source>
        <translation>hacer esto</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{what} may or may not have reached the booking service. Frontdesk will check before it ever sends it again.</source>
        <translation>{what}: puede que haya llegado al servicio de reservas o no. Frontdesk lo verificará antes de volver a enviar nada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The booking service cannot be reached right now. {what} waits in the outbox and is sent as soon as it answers.</source>
        <translation>No se puede comunicar con el servicio de reservas en este momento. {what} espera en la bandeja de salida y se envía en cuanto responda.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The booking service asked Frontdesk to slow down. {what} waits in the outbox and is sent in a moment.</source>
        <translation>El servicio de reservas le pidió a Frontdesk que vaya más despacio. {what} espera en la bandeja de salida y se envía en un momento.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The booking service had a problem. Please try again in a moment.</source>
        <translation>El servicio de reservas tuvo un problema. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sign-in has expired. Sign in again; nothing waiting is lost.</source>
        <translation>La sesión venció. Vuelva a iniciar sesión; no se pierde nada de lo pendiente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This account is not allowed to {action}. Ask whoever manages the clinic&apos;s account for that right; everything else keeps working.</source>
        <translation>Esta cuenta no tiene permiso para {action}. Pídale ese permiso a quien administre la cuenta de la clínica; todo lo demás sigue funcionando.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That time was taken by someone else. Pick another time, or drop this.</source>
        <translation>Alguien tomó ese horario. Elija otro, o descarte esto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That time was just taken by someone else. Please pick another; everything else is kept.</source>
        <translation>Alguien acaba de tomar ese horario. Elija otro; todo lo demás se conserva.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{what} was refused; fix what is marked and try again: {message}</source>
        <translation>{what}: se rechazó. Corrija lo marcado y vuelva a intentarlo: {message}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{what} could not be done: the booking service no longer knows that booking (it may have been deleted elsewhere).</source>
        <translation>{what}: no se pudo hacer. El servicio de reservas ya no tiene esa reserva (puede que se haya eliminado en otro lugar).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Frontdesk hit an unexpected problem ({error}). {what} may or may not have happened: Frontdesk checks first before sending it again.</source>
        <translation>Frontdesk tuvo un problema inesperado ({error}). {what}: puede que se haya hecho o no; Frontdesk lo verifica antes de volver a enviar nada.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{what} was refused by the booking service: {message}</source>
        <translation>{what}: el servicio de reservas lo rechazó: {message}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/ui/preferences.py" line="+46"/>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System ({language})</source>
        <translation>Del sistema ({language})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>System</source>
        <translation>Del sistema</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text &amp;size</source>
        <translation>Tamaño del te&amp;xto</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Changes apply the next time Frontdesk starts.</source>
        <translation>Los cambios se aplican la próxima vez que se inicie Frontdesk.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The preferences could not be saved ({reason}). Nothing was changed; check that the settings folder can be written to.</source>
        <translation>No se pudieron guardar las preferencias ({reason}). No se cambió nada; verifique que se pueda escribir en la carpeta de configuración.</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <location filename="../../desktop/ui/day/reschedule.py" line="+67"/>
        <source>Reschedule</source>
        <extracomment>A move to another staff member: the new booking to make (None: same staff member).</extracomment>
        <translation>Reprogramar</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Move {client}&apos;s {service} (now {time})</source>
        <translation>Cambiar {service} de {client} (ahora a las {time})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another staff member: Frontdesk books the new time with them first and cancels the old booking only once the new one is made.</source>
        <translation>Otro profesional: Frontdesk reserva primero el nuevo horario con esa persona y cancela la reserva anterior solo cuando la nueva está hecha.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Tell the client</source>
        <translation>&amp;Avisar al cliente</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+24"/>
        <source>Message to the client (optional)</source>
        <translation>Mensaje para el cliente (opcional)</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Details the new booking needs</source>
        <translation>Datos que necesita la reserva nueva</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Move</source>
        <translation>&amp;Mover</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;With</source>
        <translation>&amp;Con</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Reading the client&apos;s details…</source>
        <translation>Leyendo los datos del cliente…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This service is no longer offered, so its open times cannot be shown.</source>
        <translation>Este servicio ya no se ofrece, así que no se pueden mostrar sus horarios libres.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That month is past.</source>
        <translation>Ese mes ya pasó.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Loading open times…</source>
        <translation>Cargando horarios libres…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Move to {time}</source>
        <translation>&amp;Mover a las {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Move to {time} with {name}</source>
        <translation>&amp;Mover a las {time} con {name}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This booking names no client, so it cannot be moved to another staff member. Book the new time, then cancel this one.</source>
        <translation>Esta reserva no indica un cliente, así que no se puede pasar a otro profesional. Reserve el nuevo horario y luego cancele esta.</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <location filename="../../desktop/ui/day/schedule.py" line="+66"/>
        <source>The day&apos;s appointments</source>
        <extracomment>Each staff member&apos;s column is at least this wide (more columns scroll sideways). A schedule narrower than this many columns shows the day as one list (staff named on each entry); with more staff than fit, the columns scroll sideways instead. The entry whose details to show (None: nothing selected). The selection changed (for the batch buttons). Enter or a double-click on an entry: open its actions.</extracomment>
        <translation>Los turnos del día</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The day&apos;s appointments, one column per staff member</source>
        <translation>Los turnos del día, una columna por profesional</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Appointments of {name}</source>
        <translation>Turnos de {name}</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <location filename="../../desktop/ui/booking/service_picker.py" line="+70"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type to search services…</source>
        <translation>Escriba para buscar servicios…</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../desktop/ui/sign_in/session.py" line="+210"/>
        <source>Signed out, but the saved token could not be removed: {reason}</source>
        <extracomment>How often the token&apos;s expiry is looked at (it is also looked at on every sign-in).</extracomment>
        <translation>Se cerró la sesión, pero no se pudo borrar el token guardado: {reason}</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../desktop/auth/messages.py" line="+23"/>
        <source>The saved token was refused; it may have expired or been revoked. Paste a new staff token to sign in.</source>
        <translation>Se rechazó el token guardado; puede haber vencido o haber sido revocado. Pegue un token del personal nuevo para iniciar sesión.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your sign-in has expired. Paste a new staff token to carry on; your work is kept.</source>
        <translation>Su sesión venció. Pegue un token del personal nuevo para continuar; su trabajo se conserva.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick “Use for this session only” to sign in without saving the token; you will need to paste it again next time.</source>
        <translation>Marque “Usar solo en esta sesión” para iniciar sesión sin guardar el token; la próxima vez tendrá que volver a pegarlo.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This staff token belongs to another business. Check the business id, or paste the token of this business.</source>
        <translation>Este token del personal es de otro negocio. Revise el ID del negocio, o pegue el token de este negocio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The staff token was not accepted. Check that you pasted all of it, or create a new token in the business settings.</source>
        <translation>No se aceptó el token del personal. Verifique que lo pegó completo, o cree un token nuevo en la configuración del negocio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No business with the id “{business_id}” was found at {api_url}. Check the business id.</source>
        <translation>No se encontró ningún negocio con el ID “{business_id}” en {api_url}. Revise el ID del negocio.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not reach {api_url}. Check the network connection and the API URL, then try again.</source>
        <translation>No se pudo conectar con {api_url}. Revise la conexión de red y la URL de la API, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server is busy right now. Wait a minute, then try again.</source>
        <translation>El servidor está ocupado en este momento. Espere un minuto y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server had a problem answering. Try again in a moment.</source>
        <translation>El servidor tuvo un problema al responder. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong while checking the token. Try again.</source>
        <translation>Algo falló al verificar el token. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <location filename="../../desktop/auth/token_store.py" line="+67"/>
        <source>The only password store available keeps passwords in a plain file, so Frontdesk will not save the token there.</source>
        <extracomment>False for the in-memory store: nothing survives a restart.</extracomment>
        <translation>El único almacén de contraseñas disponible las guarda en un archivo sin cifrar, así que Frontdesk no guardará el token ahí.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This computer has no password store (keyring) that Frontdesk can use, so the token cannot be saved.</source>
        <translation>Esta computadora no tiene un almacén de contraseñas (llavero) que Frontdesk pueda usar, así que no se puede guardar el token.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The password store (keyring) is locked, so the token cannot be saved or read.</source>
        <translation>El almacén de contraseñas (llavero) está bloqueado, así que no se puede guardar ni leer el token.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password store (keyring) could not be opened; it may be locked or not running.</source>
        <translation>No se pudo abrir el almacén de contraseñas (llavero); puede estar bloqueado o no estar en funcionamiento.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password store (keyring) did not answer, so the token cannot be saved or read.</source>
        <translation>El almacén de contraseñas (llavero) no respondió, así que no se puede guardar ni leer el token.</translation>
    </message>
    <message>
        <location filename="../../desktop/auth/urls.py" line="+31"/>
        <source>Enter the API URL, for example https://api.vcita.biz.</source>
        <translation>Ingrese la URL de la API, por ejemplo https://api.vcita.biz.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{text}” is not a web address. Enter the API URL, for example https://api.vcita.biz.</source>
        <translation>“{text}” no es una dirección web. Ingrese la URL de la API, por ejemplo https://api.vcita.biz.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The API URL must start with https:// so that the token is sent encrypted (plain http is only allowed to this computer).</source>
        <translation>La URL de la API debe empezar con https:// para que el token viaje cifrado (http simple solo se permite hacia esta computadora).</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desktop/ui/sign_in/dialog.py" line="+107"/>
        <source>Sign in to Frontdesk</source>
        <extracomment>Emitted once the token has read the business (and was saved, unless session-only). The password store answered whether it can keep tokens (True: it can). How long the business name stays on screen before the dialog closes itself.</extracomment>
        <translation>Iniciar sesión en Frontdesk</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the token</source>
        <translation>Mostrar el token</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the token</source>
        <translation>Ocultar el token</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Enter the business id.</source>
        <translation>Ingrese el ID del negocio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the staff token.</source>
        <translation>Pegue el token del personal.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cancelled. Nothing was saved.</source>
        <translation>Cancelado. No se guardó nada.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The token works, but it could not be saved. {offer}</source>
        <translation>El token funciona, pero no se pudo guardar. {offer}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Signed in to {name}. The token is kept for this session only.</source>
        <translation>Sesión iniciada en {name}. El token se guarda solo durante esta sesión.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in to {name}.</source>
        <translation>Sesión iniciada en {name}.</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <location filename="../../desktop/ui/sign_in/form.py" line="+43"/>
        <source>Sign in with your staff token</source>
        <translation>Inicie sesión con su token del personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in again to carry on</source>
        <translation>Vuelva a iniciar sesión para continuar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paste the staff API token from the business&apos;s settings. Frontdesk checks it by reading the business.</source>
        <translation>Pegue el token de API del personal, de la configuración del negocio. Frontdesk lo verifica leyendo los datos del negocio.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>API URL</source>
        <translation>URL de la API</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Business id</source>
        <translation>ID del negocio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. the id shown in the business settings</source>
        <translation>p. ej., el ID que aparece en la configuración del negocio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fixed while work for this business waits for the new token.</source>
        <translation>No se puede cambiar mientras hay trabajo de este negocio esperando el token nuevo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Staff token</source>
        <translation>Token del personal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste the token here</source>
        <translation>Pegue el token aquí</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the token</source>
        <translation>Mostrar el token</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;API URL</source>
        <translation>URL de la &amp;API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Business id</source>
        <translation>ID del &amp;negocio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Staff &amp;token</source>
        <translation>&amp;Token del personal</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keyring problem</source>
        <translation>Problema con el llavero</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use for this session only (don&apos;t save the token)</source>
        <translation>Usar solo en esta sesión (no guardar el token)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use for this session only</source>
        <translation>Usar solo en esta sesión</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checking the token</source>
        <translation>Verificando el token</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking the token…</source>
        <translation>Verificando el token…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>SlotPicker</name>
    <message>
        <location filename="../../desktop/ui/booking/slot_picker.py" line="+156"/>
        <source>Day</source>
        <extracomment>The day whose times are listed: the direction of travel when skipping closed days. The business&apos;s today (``set_first_day``): nothing before it can be chosen. Said with the next times shown (why the calendar moved on by itself).</extracomment>
        <translation>Día</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a day</source>
        <translation>Elija un día</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open times</source>
        <translation>Horarios libres</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Time &amp;zone</source>
        <translation>&amp;Zona horaria</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No open times this month. Try the next month or another staff member.</source>
        <translation>No hay horarios libres este mes. Pruebe con el mes siguiente o con otro profesional.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading open times…</source>
        <translation>Cargando horarios libres…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No open times on {closed}; showing {open}.</source>
        <translation>No hay horarios libres el {closed}; se muestra el {open}.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{time}  —  {staff}</source>
        <translation>{time}  —  {staff}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No open times on this day.</source>
        <translation>No hay horarios libres este día.</translation>
    </message>
</context>
<context>
    <name>StaffPicker</name>
    <message>
        <location filename="../../desktop/ui/booking/service_picker.py" line="+43"/>
        <source>Staff member</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Any available</source>
        <translation>Cualquiera disponible</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../desktop/ui/application.py" line="+311"/>
        <source>Frontdesk is already open on this computer: its window was brought to the front.</source>
        <extracomment>Asked when the offline drafts file cannot be opened (tests answer it themselves).</extracomment>
        <translation>Frontdesk ya está abierto en esta computadora: se trajo su ventana al frente.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Frontdesk is already open on this computer, or is just closing. Use its window, or wait a moment and start it again.</source>
        <translation>Frontdesk ya está abierto en esta computadora, o se está cerrando. Use esa ventana, o espere un momento y vuelva a iniciarlo.</translation>
    </message>
</context>
<context>
    <name>StartupShell</name>
    <message>
        <location filename="../../desktop/ui/startup.py" line="+92"/>
        <source>Frontdesk (demo)</source>
        <extracomment>Build anyway if the shell has not been painted by then.</extracomment>
        <translation>Frontdesk (demo)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>StatusIndicators</name>
    <message>
        <location filename="../../desktop/ui/status_indicators.py" line="+73"/>
        <source>● Online</source>
        <translation>● En línea</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>○ Offline</source>
        <translation>○ Sin conexión</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Back online</source>
        <translation>Conexión recuperada</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Offline: bookings are kept as drafts and sent later</source>
        <translation>Sin conexión: las reservas se guardan como borradores y se envían más tarde</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The booking service cannot be reached. Work goes on; what waits is sent when the network is back.</source>
        <translation>No se puede comunicar con el servicio de reservas. El trabajo sigue; lo pendiente se envía cuando vuelva la red.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Checking %n unconfirmed send(s)</source>
        <translation>
            <numerusform>Verificando %n envío sin confirmar</numerusform>
            <numerusform>Verificando %n envíos sin confirmar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>● Checking %n unconfirmed send(s)</source>
        <translation>
            <numerusform>● Verificando %n envío sin confirmar</numerusform>
            <numerusform>● Verificando %n envíos sin confirmar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection dropped before the service answered. Frontdesk checks whether these went through before sending anything again.</source>
        <translation>La conexión se cortó antes de que el servicio respondiera. Frontdesk verifica si se realizaron antes de volver a enviar nada.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Signed in: {name}</source>
        <translation>Sesión de: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in with a staff token</source>
        <translation>Sesión iniciada con un token del personal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drafts waiting: {count}</source>
        <translation>Borradores pendientes: {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drafts waiting: {count} · need attention: {attention}</source>
        <translation>Borradores pendientes: {count} · requieren atención: {attention}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{drafts} (kept only until Frontdesk closes)</source>
        <translation>{drafts} (se guardan solo hasta que se cierre Frontdesk)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drafts needing attention: {count}</source>
        <translation>Borradores que requieren atención: {count}</translation>
    </message>
</context>
<context>
    <name>TimeZonePicker</name>
    <message>
        <location filename="../../desktop/ui/booking/slot_picker.py" line="-291"/>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
</context>
<context>
    <name>TimesLoader</name>
    <message>
        <location filename="../../desktop/ui/booking/times.py" line="+85"/>
        <source>That month is past.</source>
        <extracomment>Event sessions are listed this far ahead. (what was asked, today) when the calendar last moved on from a month with nothing left in it: it moves on by itself once, not again when the receptionist goes back.</extracomment>
        <translation>Ese mes ya pasó.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nothing is open for the rest of {month}.</source>
        <translation>No queda nada libre en lo que resta de {month}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading open times…</source>
        <translation>Cargando horarios libres…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading event sessions…</source>
        <translation>Cargando sesiones del evento…</translation>
    </message>
</context>
<context>
    <name>UndoToast</name>
    <message>
        <location filename="../../desktop/ui/day/toast.py" line="+30"/>
        <source>&amp;Undo</source>
        <extracomment>How long Undo is offered.</extracomment>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{action}. Undo with {key}.</source>
        <translation>{action}. Deshacer con {key}.</translation>
    </message>
</context>
</TS>
